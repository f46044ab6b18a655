namespace Waves.Engine.Rendering;

/// <summary>
/// A wave-valued parameter (number, expression, interpolation list or node), filled per
/// sample for each block. Values that are not nodes have no state of their own: their time is
/// the owning node's clock, passed in.
/// </summary>
public abstract class Wave
{
    /// <summary>True when every sample is <see cref="Constant"/>.</summary>
    public virtual bool IsConstant => false;

    public virtual float Constant => 0;

    /// <summary>The constant at full precision (positions and variables are doubles).</summary>
    public virtual double ExactConstant => Constant;

    /// <summary>Writes <see cref="Block.Count"/> values; returns the frames the source produced
    /// (less than the block only when a node source ended; the rest holds its last value).</summary>
    public abstract int Fill(in Block block, long clock, Span<float> dst);

    public virtual IEnumerable<Signal> Children => [];
}
