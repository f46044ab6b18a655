namespace Waves.Engine.Expressions.Names;

/// <summary>How the compiler builds a call to a built-in function.</summary>
internal enum FunctionKind
{
    /// <summary>One wave in, one wave out, sample by sample (sin, abs, floor …).</summary>
    Elementwise,
    /// <summary>Two waves in, sample by sample (pow, arctan2 …).</summary>
    Elementwise2,
    Clip,
    Where,
    /// <summary>max/min: element-wise over 2+ waves, or over the items of one list.</summary>
    Extremum,
    /// <summary>sum/mean/std over the items of a list.</summary>
    Reduction,
    Rand,
    Identity,
}
