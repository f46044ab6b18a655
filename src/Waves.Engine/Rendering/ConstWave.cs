namespace Waves.Engine.Rendering;

public sealed class ConstWave(double value) : Wave
{
    readonly float single = (float)value;

    public override bool IsConstant => true;
    public override float Constant => single;
    public override double ExactConstant => value;

    public override int Fill(in Block block, long clock, Span<float> dst)
    {
        dst[..block.Count].Fill(single);
        return block.Count;
    }
}
