using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
using Waves.Engine.Rendering;

namespace Waves.Console.View;

/// <summary>
/// The performance view for a terminal: a full screen (the alternate screen, so the shell's
/// scrollback is left alone) with the session's state, the levels of the mix and its tracks, the
/// monitored nodes, a scope, the last reload or its errors, a log and the keys. Each refresh
/// composes every row as Spectre markup and rewrites only the rows that changed, each in place
/// with one write, so nothing flickers. Keys are read on a thread of their own and turned into
/// the same command lines a user can type. Disposing puts the terminal back and prints the log
/// on the normal screen, so what was said (errors, the replay command) stays in the scrollback.
/// </summary>
sealed class TerminalView : IPlayView
{
    const int LogKept = 1000;
    const string Csi = "\u001b[";

    readonly object gate = new();
    readonly List<string> log = [];
    readonly TextWriter terminal;
    readonly IAnsiConsole ansi;
    readonly Dictionary<NodeMonitor, float> held = new(ReferenceEqualityComparer.Instance);
    readonly Stopwatch clock = Stopwatch.StartNew();
    LiveStatus? status;
    Action<string>? command;
    string? selectedTrack;
    int selectedIndex;
    bool active, disposed;
    string[] shown = [];
    (int Width, int Height) size;
    float[] scope = [];
    Patch? monitoredPatch;
    TimeSpan lastRefresh;

    public TerminalView(TextWriter terminal)
    {
        this.terminal = terminal;
        ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } ? ColorSystemSupport.NoColors : ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(TextWriter.Null),
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Capabilities.Unicode = true;
    }

    public void Start(LiveStatus status, Action<string> command)
    {
        lock (gate)
        {
            if (disposed) return;
            (this.status, this.command, active) = (status, command, true);
            terminal.Write($"{Csi}?1049h{Csi}?25l{Csi}2J");
            terminal.Flush();
        }
        // Also when the process ends without disposing the view (an unhandled exception elsewhere).
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        new Thread(ReadKeys) { IsBackground = true, Name = "waves keys" }.Start();
    }

    void OnExit(object? sender, EventArgs e) => Dispose();

    public void Print(string line)
    {
        lock (gate)
        {
            if (disposed)
            {
                terminal.Write(line + "\r\n");
                return;
            }
            foreach (var part in line.Split('\n')) log.Add(Clean(part));
            if (log.Count > LogKept) log.RemoveRange(0, log.Count - LogKept);
        }
    }

    /// <summary>Control characters in a message (from a file's text) would move the cursor: shown as '?'.</summary>
    static string Clean(string s) => string.Create(s.Length, s, (span, text) =>
    {
        for (var i = 0; i < text.Length; i++) span[i] = text[i] == '\t' ? ' ' : char.IsControl(text[i]) ? '?' : text[i];
    });

    void ReadKeys()
    {
        while (true)
        {
            ConsoleKeyInfo key;
            try { key = System.Console.ReadKey(intercept: true); }
            catch (Exception e) when (e is InvalidOperationException or IOException) { return; }
            var status = this.status!;
            KeyAction action;
            lock (gate)
            {
                if (disposed) return;
                var context = Context(status);
                action = KeyMap.Map(key, context);
                selectedIndex = action.Selected;
                selectedTrack = action.Selected >= 0 ? context.Tracks[action.Selected] : null;
            }
            if (action.Command is { } line)
            {
                command!(line);
                if (line == "stop") return;
            }
        }
    }

    /// <summary>The tracks as the meters see them, and the selection among them (kept by name across reloads).</summary>
    (List<string> Tracks, int Selected) Tracks(LiveStatus status)
    {
        var tracks = new List<string>();
        for (var slot = 1; slot <= status.Meters.Tracks; slot++)
            if (status.Meters.Name(slot) is { } name) tracks.Add(name);
        var at = selectedTrack is null ? -1 : tracks.IndexOf(selectedTrack);
        if (at < 0) at = tracks.Count == 0 ? -1 : Math.Clamp(selectedIndex, 0, tracks.Count - 1);
        return (tracks, at);
    }

    KeyContext Context(LiveStatus status)
    {
        var (tracks, selected) = Tracks(status);
        var transport = status.Session.Renderer.Transport;
        return new KeyContext(status.Session.Paused, transport.Gain, tracks, selected, transport.Muted, transport.Soloed);
    }

    public void Refresh()
    {
        lock (gate)
        {
            if (!active || disposed || status is not { } s) return;
            var (width, height) = TerminalSize();
            var frame = new StringBuilder();
            if ((width, height) != size)
            {
                size = (width, height);
                shown = new string[height];
                frame.Append(Csi).Append("2J");
            }
            // One column is left free: a character in the last column leaves the cursor pending a
            // wrap, where erasing to the end of the line would erase that character too.
            ansi.Profile.Width = width - 1;
            List<string> rows;
            try { rows = Compose(s, width - 1, height); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect of the display must not end the session: it is said once and the screen stays as it was.
                var message = $"waves: the screen could not be drawn: {e.GetType().Name}: {e.Message}";
                if (log.Count == 0 || log[^1] != message) log.Add(message);
                return;
            }
            for (var i = 0; i < height; i++)
            {
                var row = i < rows.Count ? rows[i] : "";
                if (shown[i] == row) continue;
                shown[i] = row;
                frame.Append(Csi).Append(i + 1).Append(";1H").Append(Render(row)).Append(Csi).Append('K');
            }
            if (frame.Length == 0) return;
            try
            {
                terminal.Write(frame.ToString());
                terminal.Flush();
            }
            catch (IOException)
            {
                // The terminal went away (SIGHUP follows): nothing more to draw, the session ends as usual.
                active = false;
            }
        }
    }

    static (int Width, int Height) TerminalSize()
    {
        try
        {
            var (w, h) = (System.Console.WindowWidth, System.Console.WindowHeight);
            if (w > 0 && h > 0) return (Math.Max(w, 20), Math.Max(h, 5));
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException) { }
        return (80, 24);
    }

    /// <summary>One row of markup as ANSI text no wider than the profile (the first line of it, when it would wrap).</summary>
    string Render(string markup)
    {
        IRenderable content;
        try { content = new Markup(markup) { Overflow = Overflow.Ellipsis }; }
        catch (InvalidOperationException) { content = new Text(markup); }
        return ansi.ToAnsi(new OneLine(content)).Replace("\r", "").Replace("\n", "");
    }

    List<string> Compose(LiveStatus s, int width, int height)
    {
        var inv = CultureInfo.InvariantCulture;
        var renderer = s.Session.Renderer;
        var patch = renderer.Current;
        var transport = renderer.Transport;
        var rate = s.Session.Settings.SampleRate;

        var header = new List<string>();
        var elapsed = TimeSpan.FromSeconds(s.Elapsed);
        var state = s.Session.Paused ? "[black on yellow] PAUSED [/]"
            : s.Render.Finished ? "[grey]■ ended[/]"
            : "[green]▶ playing[/]";
        // The figures that change come first; what may not fit (file names, the device) comes last.
        var recording = s.Recording.Path is { } path
            ? string.Create(inv, $"  [red bold]● REC {s.Recording.Frames / (double)rate:0.0} s[/] {Markup.Escape(path)}")
            : "";
        header.Add(string.Create(inv,
            $"[bold aqua]waves[/] [bold]{Markup.Escape(s.Session.Sound)}[/]  {state}  [bold]{(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}.{elapsed.Milliseconds:000}[/]  [bold]revision {patch.Revision}[/]  [grey]frame[/] {renderer.Frame}{recording}"));
        var underruns = s.Feed.Underruns;
        header.Add(string.Create(inv,
            $"gain {transport.Gain:0.00} [grey]({MeterBar.FormatDb(transport.Gain)} dB) · load[/] {s.Render.Load * 100:0.0}% [grey]· underruns[/] {(underruns > 0 ? $"[yellow]{underruns}[/]" : "0")} [grey]· journal[/] {s.Journal.Appended} [grey]events · {rate} Hz · {Markup.Escape(s.Output.Description)}[/]"));

        // The last reload, or why the last save was rejected.
        var reload = new List<string>();
        if (s.Journal.LastProblems is { Count: > 0 } problems)
        {
            reload.Add($"[red bold]✗ reload rejected[/] [red]— still playing revision {patch.Revision}:[/]");
            var shownProblems = height >= 30 ? 4 : 2;
            foreach (var p in problems.Take(problems.Count > shownProblems ? shownProblems - 1 : shownProblems))
                reload.Add($"  [red]{Markup.Escape(Crop(Clean(p.Split('\n')[0]), width - 2))}[/]");
            if (problems.Count > shownProblems) reload.Add($"  [red]… and {problems.Count - shownProblems + 1} more (see the log)[/]");
        }
        else if (s.Journal.LastReload is { } last) reload.Add($"[green]✓[/] {Markup.Escape(last)}");
        else reload.Add($"[grey]edit {Markup.Escape(s.SoundFolder)}/*.yaml and save: the change is heard at the next block[/]");

        var (tracks, selected) = Tracks(s);
        var monitors = patch.Monitors.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

        // Rows: header, levels (rule, mix, tracks), monitors (rule, rows), scope (rule, rows), reload, log (rule, rows), keys.
        var free = height - header.Count - reload.Count - 1 - 2 - 1 - 1;
        var meterRows = Math.Min(tracks.Count + (monitors.Count > 0 ? monitors.Count + 1 : 0), Math.Max(0, free - 3 - 2));
        var scopeRows = Math.Clamp((free - meterRows) / 2, 0, 9);
        if (scopeRows % 2 == 0) scopeRows = Math.Max(0, scopeRows - 1);    // odd: zero is the middle of a row
        var logRows = Math.Max(0, free - meterRows - scopeRows);

        var rows = new List<string>(height);
        rows.AddRange(header);
        rows.Add(Rule("levels (dB)", $"{"peak",6} {"rms",6}", width));
        var nameWidth = Math.Clamp(tracks.Select(t => t.Length).DefaultIfEmpty(3).Max(), 3, Math.Max(3, Math.Min(20, width / 5)));
        var meterWidth = Math.Max(4, width - 2 - nameWidth - 1 - 4 - 2 - 14);
        rows.Add(LevelRow("  ", Pad("mix", nameWidth), "    ", s.Meters.Peak(0), s.Meters.Rms(0), meterWidth, false, bold: true));

        var trackRows = Math.Min(tracks.Count, meterRows);
        var firstTrack = Math.Clamp(selected - trackRows / 2, 0, Math.Max(0, tracks.Count - trackRows));
        for (var i = firstTrack; i < firstTrack + trackRows; i++)
        {
            var name = tracks[i];
            var muted = transport.Muted.Contains(name);
            var soloed = transport.Soloed.Contains(name);
            var marks = $"{(muted ? "[red bold]M[/]" : "[grey]·[/]")}{(soloed ? "[yellow bold]S[/]" : "[grey]·[/]")}  ";
            var cursor = i == selected ? "[yellow bold]▶[/] " : "  ";
            var nameMarkup = i == selected ? $"[bold]{Markup.Escape(Pad(name, nameWidth))}[/]" : Markup.Escape(Pad(name, nameWidth));
            rows.Add(LevelRow(cursor, nameMarkup, marks, s.Meters.Peak(i + 1), s.Meters.Rms(i + 1), meterWidth, transport.TrackGain(name) == 0));
        }

        var monitorRows = Math.Max(0, meterRows - trackRows - 1);
        if (monitors.Count > 0 && monitorRows > 0)
        {
            rows.Add(Rule("monitors", "", width));
            if (!ReferenceEquals(patch, monitoredPatch))
            {
                monitoredPatch = patch;
                held.Clear();
            }
            var seconds = (clock.Elapsed - lastRefresh).TotalSeconds;
            var monitorName = Math.Clamp(monitors.Max(m => m.Name.Length), 3, Math.Max(3, Math.Min(40, width / 3)));
            var monitorMeter = Math.Max(4, width - 2 - monitorName - 1 - 2 - 8);
            foreach (var m in monitors.Take(monitorRows))
                rows.Add(MonitorRow(m, monitorName, monitorMeter, seconds));
        }
        lastRefresh = clock.Elapsed;

        if (scopeRows > 0)
        {
            rows.Add(Rule("scope", "last 0.25 s", width));
            if (scope.Length != s.Scope.Length) scope = new float[s.Scope.Length];
            // The recorder adds to the scope under this lock (also when a key stops a recording).
            lock (s.Recording) s.Scope.CopyTo(scope);
            rows.AddRange(MeterBar.Scope(scope, width, scopeRows));
        }

        rows.AddRange(reload);
        if (logRows > 0)
        {
            rows.Add(Rule("log", "", width));
            var lines = log.Skip(Math.Max(0, log.Count - (logRows - 1))).ToList();
            rows.AddRange(lines.Select(l => $"[grey]{Markup.Escape(Crop(l, width))}[/]"));
            for (var i = lines.Count; i < logRows - 1; i++) rows.Add("");
        }
        while (rows.Count < height - 1) rows.Add("");
        if (rows.Count > height - 1) rows.RemoveRange(height - 1, rows.Count - (height - 1));
        rows.Add($"[grey]{Markup.Escape(KeyMap.Help)}[/]");
        return rows;
    }

    static string LevelRow(string cursor, string name, string marks, float peak, float rms, int meterWidth, bool quiet, bool bold = false) =>
        $"{cursor}{(bold ? $"[bold]{name}[/]" : name)} {marks}[grey]▕[/]{MeterBar.Level(peak, rms, meterWidth, quiet)}[grey]▏[/]" +
        $" {MeterBar.FormatDb(peak),6} {MeterBar.FormatDb(rms),6}";

    string MonitorRow(PatchMonitor m, int nameWidth, int meterWidth, double seconds)
    {
        var levels = m.Levels;
        string meter;
        double value;
        switch (m.Kind)
        {
            case MonitorKind.Bipolar:
                value = Math.Abs(levels.Min) > Math.Abs(levels.Max) ? levels.Min : levels.Max;
                meter = MeterBar.Bipolar(value, m.Low, m.High, meterWidth);
                break;
            case MonitorKind.Value:
                value = levels.Last;
                meter = MeterBar.Linear(value, m.Low, m.High, meterWidth, "blue");
                break;
            default:
                // Peaks are held and fall back (about −26 dB a second), as the track meters do.
                var fallen = held.GetValueOrDefault(levels) * MathF.Pow(0.05f, (float)Math.Min(seconds, 1));
                held[levels] = Math.Max(levels.Peak, fallen);
                value = held[levels];
                meter = MeterBar.Linear(value, m.Low, m.High, meterWidth);
                break;
        }
        var name = m.Name.Length > nameWidth ? "…" + m.Name[^(nameWidth - 1)..] : Pad(m.Name, nameWidth);
        return string.Create(CultureInfo.InvariantCulture,
            $"  {Markup.Escape(name)} [grey]▕[/]{meter}[grey]▏[/] {value,7:0.00}");
    }

    /// <summary>Plain text cut to <paramref name="width"/> characters, the cut marked.</summary>
    static string Crop(string s, int width) => s.Length <= width ? s : s[..Math.Max(0, width - 1)] + "…";

    static string Pad(string s, int width) => s.Length > width ? s[..(width - 1)] + "…" : s.PadRight(width);

    static string Rule(string title, string right, int width)
    {
        var left = $"── {title} ";
        var tail = right.Length > 0 ? $" {right}" : "";
        var fill = Math.Max(0, width - left.Length - tail.Length);
        return $"[grey]{left}{new string('─', fill)}{Markup.Escape(tail)}[/]";
    }

    /// <summary>Leaves the alternate screen, shows the cursor and prints the log; safe to call twice.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            try
            {
                if (active) terminal.Write($"{Csi}0m{Csi}?25h{Csi}?1049l");
                // "\r\n": the terminal may be in the raw mode the key reader set, which does not add the return.
                foreach (var line in log) terminal.Write(line + "\r\n");
                terminal.Flush();
            }
            catch (IOException) { }
        }
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
    }

    /// <summary>The first line of a renderable, rendered as wide as the row: a row never wraps onto the next.</summary>
    sealed class OneLine(IRenderable content) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => content.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            content.Render(options, maxWidth).TakeWhile(segment => !segment.IsLineBreak);
    }
}
