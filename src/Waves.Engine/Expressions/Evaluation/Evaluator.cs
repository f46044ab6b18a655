namespace Waves.Engine.Expressions.Evaluation;

/// <summary>A node of a compiled expression: fills a block of per-sample values.
/// Scratch buffers are allocated once by <see cref="Allocate"/>, so evaluating never allocates.</summary>
internal abstract class Evaluator
{
    private int _allocatedFor;

    /// <summary>Writes <see cref="EvalFrame.Count"/> values into <paramref name="dst"/>
    /// (count ≤ the block size given to <see cref="Allocate"/>).</summary>
    public abstract void Evaluate(in EvalFrame frame, Span<double> dst);

    /// <summary>Allocates scratch for blocks of up to <paramref name="maxBlock"/> samples, here and below.
    /// Idempotent, since a subtree may be shared (a comprehension variable, a chained comparison operand).</summary>
    public void Allocate(int maxBlock)
    {
        if (_allocatedFor >= maxBlock)
            return;
        _allocatedFor = maxBlock;
        AllocateCore(maxBlock);
    }

    protected abstract void AllocateCore(int maxBlock);
}
