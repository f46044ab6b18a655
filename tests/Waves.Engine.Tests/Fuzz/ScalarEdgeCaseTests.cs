namespace Waves.Engine.Tests.Fuzz;

/// <summary>
/// Every special value the fuzzer writes (huge and tiny numbers, NaN and infinities, YAML 1.1
/// integer forms out of the 64-bit range, sexagesimal numbers, strings, collections) in each place a
/// number goes: a wave parameter, a var, a duration, a time, a legacy mix volume, an interpolation
/// point. The same checks as the fuzz cases, one value at a time, so a failure names the value.
/// </summary>
public sealed class ScalarEdgeCaseTests
{
    static readonly string[] Places =
    [
        "s:\n  osc:\n    freq: {0}\n",
        "vars:\n  x: {0}\ns:\n  osc:\n    freq: x * 2\n",
        "vars:\n  x: [1, {0}]\ns:\n  osc:\n    freq: x[1]\n",
        "s:\n  osc:\n    duration: {0}\n    freq: [1, {0}]\n",
        "s:\n  envelope:\n    attack: {0}\n    release: {0}\n    duration: 0.03\n    signal: {{osc: {{seed: {0}, type: noise}}}}\n",
        "s:\n  mix:\n    a: {{osc: {{range: [{0}, 1]}}}}\n    a_vol: {0}\n    a_pan: {0}\n",
        "s:\n  context:\n    v: {0}\n    duration: 0.02\n    signal: {{track: {{pan: v, volume: [v, [0, 0.5], 1], signal: {{osc: {{scale: {0}, type: perlin}}}}}}}}\n",
    ];

    public static TheoryData<string> Values() =>
        [.. YamlMutator.SpecialValues.Concat(YamlMutator.OutOfRangeIntegers).Concat(YamlMutator.DurationValues).Distinct()];

    [Theory]
    [MemberData(nameof(Values))]
    public void SpecialValue_InEveryNumberPlace_IsAProblemOrASoundNeverAnException(string value)
    {
        var failures = new List<string>();
        foreach (var place in Places)
        {
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, place, value);
            var report = FuzzRunner.Run(new FuzzCase(-1, 0, "edge value", text, [$"value {value}"]));
            failures.AddRange(report.Findings.Select(f => $"{f.Category}\n  {f.Detail}\n  in:\n{text}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
