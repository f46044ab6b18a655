namespace Waves.Engine.Expressions.Evaluation;

/// <summary>The items of a list read per sample (by an index, a reduction or a random choice).
/// Constant items are kept as numbers, so a list of numbers needs no buffers.</summary>
internal sealed class WaveList
{
    private readonly Evaluator[] _items;
    private readonly double[] _constants;
    private readonly double[]?[] _buffers;

    public WaveList(IReadOnlyList<Evaluator> items)
    {
        _items = [.. items];
        _constants = new double[_items.Length];
        _buffers = new double[]?[_items.Length];
        for (var k = 0; k < _items.Length; k++)
            _constants[k] = _items[k] is ConstantEvaluator c ? c.Value : double.NaN;
    }

    public int Count => _items.Length;

    public IReadOnlyList<Evaluator> Items => _items;

    public void Allocate(int maxBlock)
    {
        for (var k = 0; k < _items.Length; k++)
        {
            if (_items[k] is ConstantEvaluator)
                continue;
            _buffers[k] = new double[maxBlock];
            _items[k].Allocate(maxBlock);
        }
    }

    /// <summary>Evaluates the items that vary; call once per block before <see cref="Get"/>.</summary>
    public void Evaluate(in EvalFrame frame)
    {
        for (var k = 0; k < _items.Length; k++)
            if (_buffers[k] is { } buffer)
                _items[k].Evaluate(frame, buffer.AsSpan(0, frame.Count));
    }

    /// <summary>Item <paramref name="k"/> at sample <paramref name="i"/>.</summary>
    public double Get(int k, int i) => _buffers[k] is { } buffer ? buffer[i] : _constants[k];

    /// <summary>Python indexing made total: floored, negative counts from the end, then clamped into range
    /// (NaN reads item 0). The list is never empty.</summary>
    public int ClampIndex(double index) => ClampIndex(index, _items.Length);

    /// <inheritdoc cref="ClampIndex(double)"/>
    public static int ClampIndex(double index, int n)
    {
        if (double.IsNaN(index))
            return 0;
        var k = Math.Floor(index);
        if (k < 0)
            k += n;
        return (int)Math.Clamp(k, 0, n - 1);
    }
}
