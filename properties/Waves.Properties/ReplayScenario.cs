using System.Globalization;
using System.Text;

namespace Waves.Properties;

/// <summary>An edit saved before block <see cref="Gap"/> is rendered (gap 0: before the first block).</summary>
public sealed record TimedEdit(int Gap, ReplayEdit Edit);

/// <summary>What can be typed (or happen) on the control side between two blocks.</summary>
public enum CommandKind { Reset, Gain, Mute, Unmute, Solo, Unsolo, Tick }

/// <summary>
/// A command before block <see cref="Gap"/>. <see cref="Target"/>: for a reset, −1 every node, −2 an
/// id that does not exist, else the running patch's id number Target (modulo their count, in ordinal
/// order); for gain, an index into <see cref="Gains"/>; for mute and solo, −2 a track that does not
/// exist, else the stem mix's track number Target. A tick is the console's 100 ms timer: the
/// recorder polls the renderer (and flushes) whenever it comes, also between a command and the
/// block that applies it. <see cref="BeforeEdit"/>: before the edit saved in the same gap, if any.
/// </summary>
public sealed record TimedCommand(int Gap, CommandKind Kind, int Target, bool BeforeEdit)
{
    public const int Every = -1, Unknown = -2;

    public static readonly double[] Gains = [0, 0.25, 0.5, 1, 1.5];

    public string Describe() => Kind switch
    {
        CommandKind.Reset when Target == Every => "typed 'reset' (every node)",
        CommandKind.Reset when Target == Unknown => "typed 'reset nosuchid' (unknown id)",
        CommandKind.Reset => $"typed 'reset <id #{Target} of the running patch>'",
        CommandKind.Gain => $"typed 'gain {PatchYaml.Number(Gains[(int)((uint)Target % Gains.Length)])}'",
        CommandKind.Tick => "a tick (the recorder polls and flushes)",
        _ when Target == Unknown => $"typed '{Kind.ToString().ToLowerInvariant()} nosuchtrack'",
        _ => $"typed '{Kind.ToString().ToLowerInvariant()} <track #{Target} of the stem mix>'",
    };
}

/// <summary>An edit as saved: its gap and the frame of that block boundary, and what it made.</summary>
public sealed record PlannedEdit(int Gap, long Frame, ReplayEditResult Result);

/// <summary>
/// A live session to simulate: a generated sound played for <see cref="Blocks"/> blocks, with
/// edits and reset commands between blocks. <see cref="ToString"/> is the readable counter-example:
/// the settings, the starting YAML, every edit with its frame and the text it saved, the resets.
/// </summary>
public sealed record ReplayScenario(
    GeneratedPatch Base,
    int BlockSize,
    ulong Seed,
    int FadeFrames,
    bool Loop,
    bool EmptyOverrides,
    int Blocks,
    IReadOnlyList<TimedEdit> Edits,
    IReadOnlyList<TimedCommand> Commands,
    int SnapshotEvery = 0)
{
    public const int SampleRate = 44100;

    /// <summary>The edits applied one after the other (in gap order) to the starting sound.</summary>
    public IReadOnlyList<PlannedEdit> Plan()
    {
        var current = Base.Root;
        var plan = new List<PlannedEdit>();
        foreach (var e in Edits.OrderBy(e => e.Gap))
        {
            var r = e.Edit.Apply(current, Base.Root);
            if (!r.MeantBroken) current = r.Model;
            plan.Add(new PlannedEdit(e.Gap, (long)e.Gap * BlockSize, r));
        }
        return plan;
    }

    public string Settings => string.Create(CultureInfo.InvariantCulture,
        $"block size {BlockSize}, seed {Seed}, fade {FadeFrames} frames, loop {(Loop ? "on" : "off")}, " +
        $"overrides {(EmptyOverrides ? "empty (as the console passes them)" : "null")}, " +
        $"{(SnapshotEvery > 0 ? $"state snapshots every {SnapshotEvery} frames" : "no state snapshots")}, {Blocks} blocks " +
        $"({(long)Blocks * BlockSize} frames, {ReplayFormat.Seconds((long)Blocks * BlockSize, SampleRate)}) at {SampleRate} Hz");

    public override string ToString()
    {
        var b = new StringBuilder("\n");
        b.Append(Settings).Append('\n');
        b.Append("sounds/p.yaml at the start:\n").Append(ReplayFormat.Indent(Base.Yaml));
        var plan = Plan();
        var commands = Commands.OrderBy(r => r.Gap).ToList();
        foreach (var gap in plan.Select(p => p.Gap).Concat(commands.Select(r => r.Gap)).Distinct().Order())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"before block {gap} (frame {(long)gap * BlockSize})");
            foreach (var c in commands.Where(c => c.Gap == gap && c.BeforeEdit)) b.Append(at).Append(": ").Append(c.Describe()).Append('\n');
            foreach (var p in plan.Where(p => p.Gap == gap))
            {
                b.Append(at).Append(": saved, ").Append(p.Result.What).Append(p.Result.MeantBroken ? " (meant to be rejected)" : "").Append(":\n");
                b.Append(ReplayFormat.Indent(p.Result.Yaml));
            }
            foreach (var c in commands.Where(c => c.Gap == gap && !c.BeforeEdit)) b.Append(at).Append(": ").Append(c.Describe()).Append('\n');
        }
        return b.ToString();
    }
}

/// <summary>A session journaled with state snapshots (every 512 to 4410 frames), for
/// <see cref="ReplayProperties.Replay_FromAFrame_EqualsTheFullReplayFromThere"/>.</summary>
public sealed record SnapshottedSession(ReplayScenario Scenario)
{
    public override string ToString() => Scenario.ToString();
}

/// <summary>A session whose only edits save the same sound again (unchanged, or with whitespace and
/// comments changed), for <see cref="ReplayProperties.Reload_OfUnchangedText_IsANoOpOnTheOutput"/>.</summary>
public sealed record NoOpReloads(ReplayScenario Scenario)
{
    public override string ToString() => Scenario.ToString();
}
