namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Reads a patch signal's current block, from the evaluated frame's place in it (a part of a
/// block reads the part's frames). A source shorter than that reads as silence past its end rather
/// than failing on the render thread.</summary>
internal sealed class SignalEvaluator(ISignalSource source) : Evaluator
{
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var values = source.Current;
        var from = source.Frame;
        if (from != ISignalSource.UnknownFrame && frame.Frame != ISignalSource.UnknownFrame && frame.Frame > from)
            values = values[(int)Math.Min(frame.Frame - from, values.Length)..];
        var count = Math.Min(frame.Count, values.Length);
        for (var i = 0; i < count; i++)
            dst[i] = values[i];
        dst[count..frame.Count].Clear();
    }

    protected override void AllocateCore(int maxBlock)
    {
    }
}
