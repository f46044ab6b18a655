namespace Waves.Engine.Expressions.Evaluation;

/// <summary>A compiled expression backed by an evaluator tree whose scratch is sized for <c>maxBlock</c>.
/// The scratch is shared by all calls, so one instance is evaluated by one thread at a time.</summary>
internal sealed class TreeExpression : CompiledExpression
{
    private readonly Evaluator _root;
    private readonly int _maxBlock;

    public TreeExpression(Evaluator root, int maxBlock)
    {
        _root = root;
        _maxBlock = maxBlock;
        root.Allocate(maxBlock);
    }

    public override bool IsConstant => _root is ConstantEvaluator;

    public override double ConstantValue => _root is ConstantEvaluator c
        ? c.Value
        : throw new InvalidOperationException("the expression is not constant");

    /// <summary>A block larger than the scratch is evaluated in pieces, so an oversized request still works.</summary>
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        if (frame.Count <= _maxBlock)
        {
            _root.Evaluate(frame, dst);
            return;
        }

        for (var done = 0; done < frame.Count; done += _maxBlock)
        {
            var piece = frame with { Clock = frame.Clock + done, Count = Math.Min(_maxBlock, frame.Count - done) };
            _root.Evaluate(piece, dst.Slice(done, piece.Count));
        }
    }
}
