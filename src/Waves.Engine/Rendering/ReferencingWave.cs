namespace Waves.Engine.Rendering;

/// <summary>An expression that reads nodes by id: it pulls them (each renders once per block) before
/// it is evaluated, so it sees their current block wherever they are declared.</summary>
sealed class ReferencingWave(Wave expression, ReferenceReader[] reads) : Wave
{
    public override int Fill(in Block block, long clock, Span<float> dst)
    {
        foreach (var r in reads) r.Pull(block);
        return expression.Fill(block, clock, dst);
    }

    public override IEnumerable<Signal> Children => reads.Concat(expression.Children);
}
