using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Properties;

/// <summary>A generated journal history: sessions started, then events appended to them in an
/// interleaved order, and some texts stored. Its ToString lists every step with its payload, so a
/// failing property shows the shrunk history.</summary>
public sealed record JournalScript(IReadOnlyList<JournalStart> Starts, IReadOnlyList<JournalStep> Steps, IReadOnlyList<string> Texts)
{
    public override string ToString()
    {
        var b = new StringBuilder("\n");
        for (var i = 0; i < Starts.Count; i++)
            b.Append(CultureInfo.InvariantCulture, $"start #{i} at {Starts[i].WallClock:O}: {EventCodec.Encode(Starts[i].Event)}\n");
        foreach (var s in Steps)
            b.Append(CultureInfo.InvariantCulture, $"#{s.Session} frame {s.Frame} at {s.WallClock:O}: {EventTypes.NameOf(s.Event)} {EventCodec.Encode(s.Event)}\n");
        foreach (var t in Texts)
            b.Append(CultureInfo.InvariantCulture, $"text \"{Escape(t)}\"\n");
        return b.ToString();
    }

    static string Escape(string s) => string.Concat(s.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}

public sealed record JournalStart(SessionStarted Event, DateTimeOffset WallClock);

/// <summary>An event appended to the session started by <see cref="JournalScript.Starts"/>[<see cref="Session"/>].</summary>
public sealed record JournalStep(int Session, long Frame, SessionEvent Event, DateTimeOffset WallClock);

/// <summary>
/// Generators of journal histories with events of every type: strings with unicode (accents,
/// CJK, astral-plane emoji, combining marks, direction overrides, NUL and control characters,
/// JSON metacharacters) and empty ones, doubles negative, zero (both signs), tiny, huge, NaN and
/// infinite and from arbitrary bit patterns, longs and ulongs over their whole range, wall clocks
/// with any offset, lists of 0–4 items. Strings are valid UTF-16 (a lone surrogate has no UTF-8
/// form, so no store keeps one).
/// </summary>
public static class JournalGen
{
    static readonly string[] Fragments =
    [
        "", "a", "kick", "pad/filter", "drums.yaml", " ", "é", "naïve", "日本語", "🎵", "👩‍💻", "e\u0301",
        "\u202e", "\u0000", "\t", "\r\n", "\"", "\\", "{\"x\":[1]}", "$type", "\uFEFF", "\uFFFD", "\uFFFF", "Ω≈ç√",
    ];

    public static Gen<string> Text =>
        from n in Gen.Choose(0, 5)
        from parts in Gen.ArrayOf(Gen.Frequency((3, Gen.Elements(Fragments)), (1, CodePoint)), n)
        select string.Concat(parts);

    /// <summary>One Unicode scalar value (never a surrogate code point), as a string.</summary>
    static Gen<string> CodePoint =>
        Gen.Frequency(
            (3, Gen.Choose(0x20, 0x7E)),
            (2, Gen.Choose(0, 0xD7FF)),
            (1, Gen.Choose(0xE000, 0xFFFF)),
            (1, Gen.Choose(0x10000, 0x10FFFF)))
        .Select(char.ConvertFromUtf32);

    static Gen<long> AnyLong =>
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)hi << 32) | (uint)lo;

    public static Gen<double> Double =>
        Gen.Frequency(
            (2, Gen.Elements(0.0, -0.0, 1.0, -1.0, 0.5, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
                1e308, -1e308, 1e-308, double.NaN, double.PositiveInfinity, double.NegativeInfinity)),
            (3, Gen.Choose(-2_000_000, 2_000_000).Select(k => k / 1000.0)),
            (3, AnyLong.Select(BitConverter.Int64BitsToDouble)));

    /// <summary>A frame: 0, small, or anywhere up to <see cref="long.MaxValue"/>.</summary>
    public static Gen<long> Frame =>
        Gen.Frequency(
            (1, Gen.Constant(0L)),
            (4, Gen.Choose(0, 1_000_000).Select(k => (long)k)),
            (1, Gen.Constant(long.MaxValue)),
            (2, AnyLong.Select(l => l & long.MaxValue)));

    static Gen<int> Int =>
        Gen.Frequency((1, Gen.Elements(0, 1, -1, int.MaxValue, int.MinValue)), (3, Gen.Choose(int.MinValue, int.MaxValue)));

    static Gen<bool> Bool => Gen.Elements(true, false);

    public static Gen<DateTimeOffset> Clock =>
        from raw in AnyLong
        from minutes in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(-14 * 60, 14 * 60)))
        let margin = TimeSpan.TicksPerDay
        let span = (ulong)(DateTime.MaxValue.Ticks - DateTime.MinValue.Ticks - 2 * margin)
        let ticks = DateTime.MinValue.Ticks + margin + (long)((ulong)raw % span)
        select new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes));

    static Gen<IReadOnlyList<T>> ListOf<T>(Gen<T> item) =>
        from n in Gen.Choose(0, 4)
        from items in Gen.ArrayOf(item, n)
        select (IReadOnlyList<T>)items;

    static Gen<FileRef> File =>
        from path in Text
        from hash in Gen.Frequency((1, Text), (3, Text.Select(TextHash.Of)))
        select new FileRef(path, hash);

    public static Gen<SessionStarted> Started =>
        from sound in Text
        from overrides in ListOf(Text)
        from rate in Int
        from block in Int
        from seed in AnyLong.Select(l => unchecked((ulong)l))
        from fade in Int
        from loop in Bool
        from engine in Text
        from folder in Text
        from files in ListOf(File)
        select new SessionStarted(sound, overrides, rate, block, seed, fade, loop, engine, folder, files);

    /// <summary>Any event but <see cref="SessionStarted"/> (which only StartSession writes).</summary>
    public static Gen<SessionEvent> Event =>
        Gen.OneOf(
            from files in ListOf(File)
            from revision in Int
            select (SessionEvent)new LibraryEdited(files, revision),
            from revision in Int
            from added in ListOf(Text)
            from removed in ListOf(Text)
            from retuned in ListOf(Text)
            select (SessionEvent)new ReloadApplied(revision, added, removed, retuned),
            ListOf(Text).Select(p => (SessionEvent)new ReloadRejected(p)),
            Gen.Constant((SessionEvent)new Paused()),
            Gen.Constant((SessionEvent)new Resumed()),
            Double.Select(g => (SessionEvent)new MasterGainChanged(g)),
            from track in Text
            from muted in Bool
            select (SessionEvent)new TrackMuted(track, muted),
            from track in Text
            from soloed in Bool
            select (SessionEvent)new TrackSoloed(track, soloed),
            Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text.Select(t => (string?)t))).Select(id => (SessionEvent)new StateReset(id)),
            from clock in Clock
            from load in Double
            from underruns in AnyLong
            select (SessionEvent)new Ticked(clock, load, underruns),
            Text.Select(r => (SessionEvent)new SessionEnded(r)),
            from count in AnyLong
            from missing in AnyLong
            select (SessionEvent)new OutputUnderran(count, missing),
            Text.Select(p => (SessionEvent)new RecordingStarted(p)),
            from path in Text
            from frames in AnyLong
            select (SessionEvent)new RecordingStopped(path, frames),
            ListOf(from id in Text from type in Text from fields in Text select new NodeStateRecord(id, type, fields))
                .Select(states => (SessionEvent)new StateSnapshotted(states)));

    public static Gen<JournalScript> Script =>
        Gen.Sized(size =>
            from sessions in Gen.Choose(1, 3)
            from starts in Gen.ArrayOf(from s in Started from c in Clock select new JournalStart(s, c), sessions)
            from count in Gen.Choose(0, Math.Clamp(size, 1, 40))
            from steps in Gen.ArrayOf(
                from session in Gen.Choose(0, sessions - 1)
                from frame in Frame
                from e in Event
                from clock in Clock
                select new JournalStep(session, frame, e, clock), count)
            from texts in ListOf(Text)
            select new JournalScript(starts, steps, texts));

    /// <summary>Shrinks towards fewer steps, texts and sessions, so a counter-example is short.</summary>
    public static IEnumerable<JournalScript> Shrink(JournalScript s)
    {
        if (s.Starts.Count > 1)
            yield return s with { Starts = [s.Starts[0]], Steps = [.. s.Steps.Where(x => x.Session == 0)] };
        if (s.Steps.Count > 1)
        {
            yield return s with { Steps = [.. s.Steps.Take(s.Steps.Count / 2)] };
            yield return s with { Steps = [.. s.Steps.Skip(s.Steps.Count / 2)] };
        }
        for (var i = 0; i < s.Steps.Count; i++)
            yield return s with { Steps = [.. s.Steps.Take(i), .. s.Steps.Skip(i + 1)] };
        for (var i = 0; i < s.Texts.Count; i++)
            yield return s with { Texts = [.. s.Texts.Take(i), .. s.Texts.Skip(i + 1)] };
    }
}

/// <summary>The arbitraries of the journal properties, for <c>[Property(Arbitrary = [typeof(JournalArbitraries)])]</c>.</summary>
public static class JournalArbitraries
{
    public static Arbitrary<JournalScript> Scripts() => Arb.From(JournalGen.Script, JournalGen.Shrink);
}
