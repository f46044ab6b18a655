using System.Collections.Immutable;

namespace Waves.Properties;

/// <summary>Where a value is generated: how many node levels may still nest below, whether an
/// interpolation list there would see a <c>duration</c> (as the engine's CompileScope inherits it:
/// through osc and envelope, and into a context's variables, but not through mix, track or a
/// context's signal), and the context variables in scope.</summary>
sealed record GenScope(int Depth, bool HasDuration, ImmutableArray<string> Vars)
{
    public static GenScope Root(int depth) => new(depth, false, []);

    public GenScope Down => this with { Depth = Depth - 1 };

    public GenScope WithOwnDuration(bool has) => has ? this with { HasDuration = true } : this;
}

/// <summary>What an oscillator is for: its frequency range, and what is forced on it.</summary>
/// <param name="Range">Forced <c>range: [lo, hi]</c> (a modulator of a parameter).</param>
/// <param name="FreqVar">Context variable the frequency expression must use.</param>
/// <param name="Seed">Whether an explicit <c>seed</c> may be generated.</param>
sealed record OscRole(double FreqLo, double FreqHi, string? Type = null, (double Lo, double Hi)? Range = null,
    string? FreqVar = null, bool Seed = true)
{
    public static readonly OscRole Audio = new(40, 1200);

    /// <summary>An audible, unseeded noise source.</summary>
    public static readonly OscRole Noise = new(40, 1200, Type: "noise", Seed: false);

    public static OscRole Modulator(double lo, double hi) => new(0.5, 30, Range: (lo, hi));
}
