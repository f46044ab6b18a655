using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class SnapTests
{
    static float[] Render(string yaml, double seconds = 1, int block = 64) => Patches.Render($"s:\n  {yaml}\n", seconds, rate: 1000, block: block).Left;

    [Fact]
    public void Values_SnapToTheNearest_TheLowerOnATie()
    {
        var x = Render("snap: {values: [3, 0, 1], signal: \"t * 4\"}");   // x = 4t
        Assert.Equal(0f, x[125]);    // 0.5: a tie between 0 and 1
        Assert.Equal(1f, x[126]);
        Assert.Equal(1f, x[500]);    // 2: a tie between 1 and 3
        Assert.Equal(3f, x[501]);
    }

    [Fact]
    public void RangeAndInterval_MakeTheSet()
    {
        var x = Render("snap: {range: [0, 1], interval: 0.25, signal: \"t * 2 - 0.5\"}");  // −0.5 … 1.5
        Assert.Equal(0f, x[0]);
        Assert.Equal(0.25f, x[400]);   // 0.3
        Assert.Equal(0.5f, x[450]);    // 0.4
        Assert.Equal(1f, x[999]);      // above the range: its top
    }

    [Fact]
    public void Glide_MovesAtMostTheRangeOverGlideSeconds_WithoutOvershoot()
    {
        // Range 1, glide 0.01 s at 1 kHz: 0.1 per sample; the original could step past the target.
        var x = Render("snap: {values: [0, 1], glide: 0.01, signal: \"0 if t < 0.1 else 1\"}", 0.2);
        Assert.Equal(0f, x[99]);
        Assert.Equal(0.1f, x[100], 1e-6);
        Assert.Equal(0.5f, x[104], 1e-6);
        Assert.Equal(1f, x[109], 1e-6);
        Assert.Equal(1f, x[150]);
    }

    [Fact]
    public void TheSet_IsReadPerSample() =>
        Assert.Equal(5f, Render("snap: {values: [0, \"1 if t < 0.5 else 5\"], signal: 4}")[500]);

    [Fact]
    public void ValuesAndRangeTogether_AreAnError() =>
        Assert.Contains(Patches.Problems("s:\n  snap: {values: [1], range: [0, 1], interval: 0.5, signal: 1}\n"),
            p => p.StartsWith("sounds/test.yaml:2:3: error: 'snap' needs either 'values' or 'range' with 'interval'"));
}
