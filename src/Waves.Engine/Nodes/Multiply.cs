using Waves.Engine.Expressions;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class MultiplyState : NodeState;

/// <summary>
/// <c>multiply</c>: copies of <c>signal</c>, summed. <c>number</c> sets how many (truncated, read per
/// sample: copy k plays while the number exceeds k, and is paused otherwise, keeping its state), or
/// <c>items</c> gives one copy per item. Inside copy k, <c>i</c> is k (from 1), <c>n</c> the number of
/// copies and <c>item</c> the copy's item. Each copy's nodes have ids of their own
/// (<c>…/signal/k/…</c>), so copies keep their states across reloads and when the number shrinks and
/// grows again. A <c>number</c> that changes has at most <see cref="MaxCopies"/> copies.
/// Differences from the original, all deliberate: <c>n</c> is the number of copies (the original's
/// expressions saw the block length there); the number is read per sample, not once per chunk; a
/// copy that ends is silent rather than shortening the sum; the node ends at its own duration.
/// </summary>
public sealed class Multiply : Signal
{
    public static readonly NodeInfo Info = new(
        "multiply", "sums copies of a signal; i, n and item tell each copy apart", "mono, or stereo when the copies are",
        [
            new("number", ParamKind.Wave, "how many copies (truncated)"),
            new("items", ParamKind.List, "one copy per item; the copy sees its item as item"),
            new("signal", ParamKind.Wave, "the copied signal"),
        ],
        ExtraKeys.Forbid,
        Compile);

    /// <summary>Copies prepared when the number is a changing wave.</summary>
    public const int MaxCopies = 16;

    /// <summary>The number of copies per sample, as <c>n</c>; read from the frame a copy's run starts.</summary>
    sealed class Count(int maxBlock) : ISignalSource
    {
        public readonly float[] Buffer = new float[maxBlock];
        public int Offset;
        public ReadOnlySpan<float> Current => Buffer.AsSpan(Offset);
    }

    readonly MultiplyState state;
    readonly Signal[] copies;
    readonly Wave? number;
    readonly Count count;
    readonly long total;

    Multiply(NodeSpec spec, CompileScope scope, MultiplyState state, Signal[] copies, Wave? number, Count count)
        : base(spec, scope.MaxBlock, copies.Any(c => c.IsStereo))
    {
        this.state = state;
        this.copies = copies;
        this.number = number;
        this.count = count;
        total = spec.Duration is { } d ? FramesWave.ToFrames(d, scope.SampleRate) : long.MaxValue;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<MultiplyState>(spec);
        var count = new Count(scope.MaxBlock);
        var items = spec.Get("items") as Value.List;
        var hasNumber = spec.Get("number") is not (null or Value.Null);
        if (hasNumber == (items is not null))
        {
            scope.Env.Error(spec.Pos, "'multiply' needs either 'number' or 'items'");
            return new Multiply(spec, scope, state, [], null, count);
        }
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'multiply' needs 'signal': the signal to copy");
        Wave? number = null;
        int copies;
        NameBinding n;
        if (items is not null)
        {
            copies = items.Items.Length;
            n = new NameBinding.Number(copies);
        }
        else
        {
            number = scope.WithDuration(spec.Duration).CompileWave(spec.Get("number"), 0, spec, "number");
            copies = number.IsConstant ? (int)Math.Clamp(Math.Truncate(number.ExactConstant), 0, 4096) : MaxCopies;
            n = number.IsConstant ? new NameBinding.Number(copies) : new NameBinding.Signal(count);
            if (number.IsConstant && number.ExactConstant > 4096)
                scope.Env.Error(spec.Get("number")!.Pos, "'number' of 'multiply' is at most 4096");
        }
        // No copies: one is compiled all the same, and not played, so that its errors are reported
        // (a broken text must not be accepted because its number happens to be below 1).
        var signals = new Signal[copies == 0 && items is null ? 1 : copies];
        for (var k = 0; k < signals.Length; k++)
        {
            var inner = scope.WithName("i", new NameBinding.Number(k + 1)).WithName("n", n);
            if (items is not null) inner = inner.WithName("item", Item(items.Items[k], scope, spec, k));
            var value = spec.Get("signal") is Value.Node node ? new Value.Node(VoiceSpecs.ForSlot(node.Spec, spec.Id, "signal", k)) : spec.Get("signal");
            signals[k] = inner.CompileSignal(value, state);
        }
        return new Multiply(spec, scope, state, signals[..copies], number, count);
    }

    static NameBinding Item(Value item, CompileScope scope, NodeSpec spec, int k)
    {
        var wave = item is Value.Number or Value.Text ? scope.CompileWave(item, 0, spec, $"items/{k}") : null;
        if (wave is { IsConstant: true }) return new NameBinding.Number(wave.ExactConstant);
        scope.Env.Error(item.Pos, $"item {k} of 'multiply' must be a number or a constant expression, got {item.Describe()}");
        return new NameBinding.Number(0);
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (n == 0) return Finish(block, 0);
        var sub = block with { Count = n };
        var counts = count.Buffer;
        if (number is null || number.IsConstant) counts.AsSpan(0, n).Fill(copies.Length);
        else
        {
            number.Fill(sub, clock, counts);
            for (var i = 0; i < n; i++) counts[i] = float.IsFinite(counts[i]) ? Math.Clamp(MathF.Truncate(counts[i]), 0, copies.Length) : 0;
        }
        Left.AsSpan(0, n).Clear();
        Right?.AsSpan(0, n).Clear();
        for (var k = 0; k < copies.Length; k++)
        {
            var i = 0;
            while (i < n)
            {
                if (counts[i] <= k) { i++; continue; }
                var end = i + 1;
                while (end < n && counts[end] > k) end++;
                count.Offset = i;
                Add(copies[k], SubBlock.Of(sub, i, end - i), i);
                i = end;
            }
        }
        count.Offset = 0;
        state.Clock = clock + n;
        return Finish(block, n);
    }

    void Add(Signal copy, in Block part, int offset)
    {
        var got = copy.Pull(part);
        var l = copy.Left;
        var r = copy.Right ?? l;
        for (var j = 0; j < got; j++) Left[offset + j] += l[j];
        if (Right is not null)
            for (var j = 0; j < got; j++) Right[offset + j] += r[j];
    }

    public override IEnumerable<Signal> Children => (number?.Children ?? []).Concat(copies);
}
