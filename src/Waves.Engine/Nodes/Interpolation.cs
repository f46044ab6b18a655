namespace Waves.Engine.Nodes;

/// <summary>How audio is read between its frames.</summary>
public enum Interpolation { Linear, Cubic, None }

/// <summary>Reading a frame array at a fractional position: clamped at the ends (a sample file) or
/// wrapped around (a circular buffer).</summary>
public static class Interpolate
{
    public static Interpolation Parse(string? word) => word switch
    {
        "cubic" => Interpolation.Cubic,
        "none" => Interpolation.None,
        _ => Interpolation.Linear,
    };

    /// <summary><paramref name="data"/> at <paramref name="pos"/>, neighbours clamped to the ends.</summary>
    public static float Clamped(float[] data, double pos, Interpolation mode)
    {
        var last = data.Length - 1;
        if (last < 0) return 0;
        if (!(pos > 0)) pos = 0; // also NaN
        if (pos >= last) return data[last];
        var i = (int)pos;
        var t = (float)(pos - i);
        switch (mode)
        {
            case Interpolation.None:
                return data[i];
            case Interpolation.Linear:
                return t == 0 ? data[i] : data[i] + (data[i + 1] - data[i]) * t;
            default:
                return Hermite(data[Math.Max(i - 1, 0)], data[i], data[i + 1], data[Math.Min(i + 2, last)], t);
        }
    }

    /// <summary><paramref name="data"/> at <paramref name="pos"/> taken modulo its length.</summary>
    public static float Wrapped(float[] data, double pos, Interpolation mode)
    {
        var n = data.Length;
        if (n == 0 || !double.IsFinite(pos)) return 0;
        var f = Math.Floor(pos);
        var t = (float)(pos - f);
        var i = (int)(((long)f % n + n) % n);
        switch (mode)
        {
            case Interpolation.None:
                return data[i];
            case Interpolation.Linear:
                return t == 0 ? data[i] : data[i] + (data[i + 1 == n ? 0 : i + 1] - data[i]) * t;
            default:
                return Hermite(data[i == 0 ? n - 1 : i - 1], data[i], data[(i + 1) % n], data[(i + 2) % n], t);
        }
    }

    /// <summary>4-point cubic Hermite (Catmull-Rom) between <paramref name="y1"/> and <paramref name="y2"/>;
    /// exactly <paramref name="y1"/> at t = 0.</summary>
    public static float Hermite(float y0, float y1, float y2, float y3, float t)
    {
        if (t == 0) return y1;
        var c1 = 0.5f * (y2 - y0);
        var c2 = y0 - 2.5f * y1 + 2f * y2 - 0.5f * y3;
        var c3 = 0.5f * (y3 - y0) + 1.5f * (y1 - y2);
        return ((c3 * t + c2) * t + c1) * t + y1;
    }
}
