using System.Globalization;
using System.Text;

namespace Waves.Console.View;

/// <summary>
/// Meters and the scope as Spectre markup, a fixed number of cells wide: a level meter on a dB
/// scale (RMS solid, peak shaded behind it), a linear meter over a range (monitors) and a meter
/// centred on zero (bipolar monitors). Pure functions of the values, for the view and its tests.
/// </summary>
static class MeterBar
{
    /// <summary>The quietest level a dB meter shows.</summary>
    public const double FloorDb = -48;

    // No one-eighth block: '▏' would look like the meter's right edge.
    static readonly char[] Eighths = [' ', ' ', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

    public static double Db(double linear) => linear > 0 ? 20 * Math.Log10(linear) : double.NegativeInfinity;

    /// <summary>"-6.0", or "-inf" for silence.</summary>
    public static string FormatDb(double linear) =>
        linear > 0 ? Db(linear).ToString("0.0", CultureInfo.InvariantCulture) : "-inf";

    static double DbFraction(double linear) => Math.Clamp((Db(linear) - FloorDb) / -FloorDb, 0, 1);

    /// <summary>A peak/RMS meter: green up to −12 dB, yellow to −3 dB, red above; dim when <paramref name="quiet"/> (muted).</summary>
    public static string Level(double peak, double rms, int width, bool quiet = false)
    {
        if (width <= 0) return "";
        var solid = DbFraction(rms) * width;
        var shaded = DbFraction(peak) * width;
        var cells = new (char C, string Style)[width];
        for (var i = 0; i < width; i++)
        {
            var position = (i + 0.5) / width * -FloorDb + FloorDb;
            var colour = quiet ? "grey" : position > -3 ? "red" : position > -12 ? "yellow" : "green";
            var eighths = i < solid ? Math.Min(8, (int)Math.Round((solid - i) * 8)) : 0;
            cells[i] = eighths == 8 ? ('█', colour)
                : eighths > 1 ? (Eighths[eighths], colour)
                : i < shaded ? ('▒', colour)
                : ('·', "grey");
        }
        if (peak >= 1) cells[^1] = ('█', "red bold");
        return Join(cells);
    }

    /// <summary>A meter filled from <paramref name="low"/> to <paramref name="value"/> (clamped), in <paramref name="colour"/>
    /// or, when null, green to half, yellow to 80 % and red beyond.</summary>
    public static string Linear(double value, double low, double high, int width, string? colour = null)
    {
        if (width <= 0) return "";
        var fill = (double.IsFinite(value) ? Math.Clamp((value - low) / (high - low), 0, 1) : 0) * width;
        var cells = new (char, string)[width];
        for (var i = 0; i < width; i++)
        {
            var at = (i + 0.5) / width;
            var c = colour ?? (at < 0.5 ? "green" : at < 0.8 ? "yellow" : "red");
            var eighths = i < fill ? Math.Min(8, (int)Math.Round((fill - i) * 8)) : 0;
            cells[i] = eighths > 1 ? (Eighths[eighths], c) : ('·', "grey");
        }
        return Join(cells);
    }

    /// <summary>A meter with zero at its centre, filled from zero towards <paramref name="value"/> in half cells.</summary>
    public static string Bipolar(double value, double low, double high, int width, string colour = "purple")
    {
        if (width <= 0) return "";
        double Cell(double v) => Math.Clamp((v - low) / (high - low), 0, 1) * width;
        var zero = Cell(Math.Clamp(0, low, high));
        var at = double.IsFinite(value) ? Cell(value) : zero;
        var (from, to) = at < zero ? (at, zero) : (zero, at);
        var cells = new (char, string)[width];
        for (var i = 0; i < width; i++)
        {
            // How much of each half of the cell lies inside [from, to].
            var left = Math.Min(i + 0.5, to) - Math.Max(i, from) >= 0.25;
            var right = Math.Min(i + 1, to) - Math.Max(i + 0.5, from) >= 0.25;
            cells[i] = (left, right) switch
            {
                (true, true) => ('█', colour),
                (true, false) => ('▌', colour),
                (false, true) => ('▐', colour),
                _ => Math.Abs(i + 0.5 - zero) < 0.5 ? ('│', "grey") : ('·', "grey"),
            };
        }
        return Join(cells);
    }

    /// <summary>
    /// The waveform of <paramref name="samples"/> in <paramref name="rows"/>×<paramref name="width"/> cells,
    /// ±1 filling the height: each column spans the minimum to the maximum of its samples, in half
    /// cells; a quiet column (within the half cells next to zero) is a line; beyond ±1 the edge row turns red. One markup string per row.
    /// </summary>
    public static string[] Scope(ReadOnlySpan<float> samples, int width, int rows)
    {
        if (rows <= 0) return [];
        var result = new (char, string)[rows][];
        for (var r = 0; r < rows; r++) result[r] = new (char, string)[Math.Max(0, width)];
        var levels = 2 * rows;
        int Level(double v) => Math.Clamp((int)Math.Floor((1 - v) / 2 * levels), 0, levels - 1);
        for (var x = 0; x < width; x++)
        {
            int from = (int)((long)x * samples.Length / width), to = (int)((long)(x + 1) * samples.Length / width);
            float lo = 0, hi = 0;
            if (to > from)
            {
                (lo, hi) = (samples[from], samples[from]);
                for (var i = from + 1; i < to; i++)
                {
                    if (samples[i] < lo) lo = samples[i];
                    if (samples[i] > hi) hi = samples[i];
                }
            }
            var top = Level(hi);
            var bottom = Level(lo);
            for (var r = 0; r < rows; r++)
            {
                var upper = top <= 2 * r && 2 * r <= bottom;
                var lower = top <= 2 * r + 1 && 2 * r + 1 <= bottom;
                var colour = (r == 0 && hi > 1) || (r == rows - 1 && lo < -1) ? "red" : "aqua";
                result[r][x] = top == bottom && top / 2 == r && Math.Abs(top - rows + 0.5) < 1 ? ('─', colour)
                    : upper && lower ? ('█', colour)
                    : upper ? ('▀', colour)
                    : lower ? ('▄', colour)
                    : r == rows / 2 ? ('·', "grey")
                    : (' ', "");
            }
        }
        return [.. result.Select(Join)];
    }

    /// <summary>Cells as markup, one style tag per run of equal styles.</summary>
    static string Join((char C, string Style)[] cells)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < cells.Length)
        {
            var style = cells[i].Style;
            var j = i;
            while (j < cells.Length && cells[j].Style == style) j++;
            if (style.Length > 0) sb.Append('[').Append(style).Append(']');
            for (var k = i; k < j; k++) sb.Append(cells[k].C);
            if (style.Length > 0) sb.Append("[/]");
            i = j;
        }
        return sb.ToString();
    }
}
