using System.Runtime.CompilerServices;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// One named buffer within one compiled patch: its shared state, its length, the file it starts
/// with, its writer, and where the writer wrote each frame of the current block (so readers read
/// relative to it whatever order they are rendered in). Made while compiling; the render thread
/// only swaps in storage prepared here.
/// </summary>
public sealed class BufferPlan
{
    /// <summary>Seconds of a buffer that neither declares a length nor loads a file (as in the original).</summary>
    public const double DefaultSeconds = 10;

    /// <summary>Shortest buffer, in frames (as in the original).</summary>
    public const int MinFrames = 1024;

    static readonly ConditionalWeakTable<CompileEnv, Dictionary<string, BufferPlan>> Plans = new();

    readonly bool fresh;
    bool lengthDeclared;
    float[]? spare;
    long readyBlock = -1;

    BufferPlan(string name, CompileScope scope)
    {
        Name = name;
        var key = "buffer:" + name;
        State = scope.Env.States.Bind<BufferState>(key);
        fresh = !(scope.Env.Previous?.Patch.States.TryGetValue(key, out var live) == true && ReferenceEquals(live, State));
        Length = (int)(DefaultSeconds * scope.SampleRate);
        Heads = new double[scope.MaxBlock];
        Overwritten = new float[scope.MaxBlock];
    }

    /// <summary>The plan of <paramref name="name"/> in the patch being compiled (made on first use).</summary>
    public static BufferPlan For(string name, CompileScope scope)
    {
        var plans = Plans.GetOrCreateValue(scope.Env);
        if (!plans.TryGetValue(name, out var plan)) plans[name] = plan = new BufferPlan(name, scope);
        return plan;
    }

    public string Name { get; }
    public BufferState State { get; }
    public int Length { get; private set; }

    /// <summary>The frames of the file loaded at the start (mono, at the session rate), and its key.</summary>
    public float[]? File { get; private set; }
    public string? FileKey { get; private set; }

    public Signal? Writer { get; private set; }
    public SourcePos WriterPos { get; private set; }

    /// <summary>Where the writer wrote each frame of block <see cref="HeadsBlock"/>.</summary>
    public double[] Heads { get; }
    public long HeadsBlock = -1;

    /// <summary>How many frames of block <see cref="HeadsBlock"/> the writer wrote (fewer when it ended in it).</summary>
    public int HeadsCount;

    /// <summary>For a writer at speed 1: the first cell it wrote in block <see cref="HeadsBlock"/>, and what
    /// each cell held before (frame k of the block went to cell first + k). A reader at frame i then reads
    /// a cell written later in the block as it was, so it reads the same wherever it is rendered.</summary>
    public long FirstCell = -1;
    public float[] Overwritten { get; }

    /// <summary>A length written with <c>length:</c> (the first one wins), or a file's length when none is written.</summary>
    public void Declare(int? frames, float[]? file, string? fileKey)
    {
        if (file is not null && File is null)
        {
            File = file;
            FileKey = fileKey;
            if (!lengthDeclared && frames is null) Length = Math.Max(MinFrames, file.Length);
        }
        if (frames is { } f && !lengthDeclared)
        {
            Length = Math.Max(MinFrames, f);
            lengthDeclared = true;
        }
        if (fresh)
        {
            // Not live yet: the storage is made and filled here.
            if (State.Data.Length != Length)
            {
                State.Data = new float[Length];
                State.Head = 0;
                State.Loaded = "";
            }
            if (FileKey is not null && State.Loaded != FileKey) Load(State);
        }
        else spare = State.Data.Length != Length ? spare?.Length == Length ? spare : new float[Length] : null;
    }

    public void SetWriter(Signal writer, SourcePos pos)
    {
        Writer = writer;
        WriterPos = pos;
    }

    /// <summary>Before a node of this buffer renders a block: a reload's new length and file, or a reset's
    /// cleared file, take effect (with storage made when compiled).</summary>
    public void Ready(in Block block)
    {
        if (readyBlock == block.Index) return;
        readyBlock = block.Index;
        var st = State;
        if (st.Data.Length != Length)
        {
            var to = spare is { } s && s.Length == Length ? s : new float[Length];
            spare = null;
            st.Head = BufferState.KeepRecent(st.Data, st.Head, to);
            st.Data = to;
        }
        if (FileKey is not null && st.Loaded != FileKey) Load(st);
    }

    void Load(BufferState st)
    {
        var n = Math.Min(File!.Length, st.Data.Length);
        Array.Copy(File, st.Data, n);
        Array.Clear(st.Data, n, st.Data.Length - n);
        st.Head = 0;
        st.Loaded = FileKey!;
    }
}
