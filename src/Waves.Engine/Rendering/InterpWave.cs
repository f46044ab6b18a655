namespace Waves.Engine.Rendering;

/// <summary>
/// An interpolation list (spec §3.2) over <c>length</c> frames of the owning node's clock, then
/// holding its last value. Positioned form: segment i covers frames int(p_i·L) … int(p_{i+1}·L)−1
/// and runs from v_i to v_{i+1} inclusive; even form: values at evenly spread points, frame k at
/// k/(L−1). Values and positions are waves read per sample, so a value that depends on a
/// changing variable follows it (the original froze them at the first render). The position
/// is the owner's clock, which survives reloads: a curve does not restart when the file is saved.
/// </summary>
public sealed class InterpWave : Wave
{
    readonly Wave[] values;
    readonly Wave?[] positions; // null in even form
    readonly long length;
    readonly float[][] valueBuf;
    readonly float[][] posBuf;
    readonly bool constant;
    readonly double[] constPos; // NaN where a position is not constant

    public InterpWave(Wave[] values, Wave?[]? positions, long length, int maxBlock)
    {
        this.values = values;
        this.positions = positions ?? new Wave?[values.Length];
        this.length = length;
        valueBuf = [.. values.Select(_ => new float[maxBlock])];
        posBuf = [.. values.Select(_ => new float[maxBlock])];
        constant = values.Length == 1 && values[0].IsConstant;
        constPos = [.. this.positions.Select(p => p is { IsConstant: true } ? p.ExactConstant : double.NaN)];
    }

    bool Even => positions.Length > 0 && positions[0] is null;

    public override bool IsConstant => constant;
    public override float Constant => constant ? values[0].Constant : 0;

    public override int Fill(in Block block, long clock, Span<float> dst)
    {
        var n = block.Count;
        var m = values.Length;
        for (var j = 0; j < m; j++)
        {
            values[j].Fill(block, clock, valueBuf[j]);
            if (double.IsNaN(constPos[j])) positions[j]?.Fill(block, clock, posBuf[j]);
        }
        var even = Even;
        for (var i = 0; i < n; i++)
        {
            var k = clock + i;
            if (m == 1 || k >= length) { dst[i] = valueBuf[m - 1][i]; continue; }
            dst[i] = even ? EvenAt(k, i) : PositionedAt(k, i);
        }
        return n;
    }

    float EvenAt(long k, int i)
    {
        var m = values.Length;
        var x = length > 1 ? (double)k / (length - 1) * (m - 1) : 0;
        var j = Math.Min((int)x, m - 2);
        var frac = x - j;
        double a = valueBuf[j][i], b = valueBuf[j + 1][i];
        return (float)(a + (b - a) * frac);
    }

    double Position(int j, int i) => double.IsNaN(constPos[j]) ? posBuf[j][i] : constPos[j];

    float PositionedAt(long k, int i)
    {
        var m = values.Length;
        long start = 0;
        for (var j = 0; j < m - 1; j++)
        {
            var p0 = Math.Clamp(Position(j, i), 0, 1);
            var p1 = Math.Clamp(Position(j + 1, i), p0, 1);
            start = (long)(p0 * length);
            var end = (long)(p1 * length);
            if (k >= end) continue;
            if (k < start) return valueBuf[j][i]; // before the first point: hold it
            var count = end - start;
            var frac = count > 1 ? (double)(k - start) / (count - 1) : 0;
            double a = valueBuf[j][i], b = valueBuf[j + 1][i];
            return (float)(a + (b - a) * frac);
        }
        return valueBuf[m - 1][i];
    }

    public override IEnumerable<Signal> Children =>
        values.SelectMany(v => v.Children).Concat(positions.SelectMany(p => p?.Children ?? []));
}
