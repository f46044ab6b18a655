using System.Diagnostics;
using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>What one reload did: the revision it produced (or the errors that stopped it).</summary>
public sealed record ReloadReport(int Revision, bool Accepted, PatchChanges Changes, IReadOnlyList<Problem> Problems, TimeSpan CompileTime)
{
    public IEnumerable<Problem> Errors => Problems.Where(p => p.IsError);
}

/// <summary>A library compiled against the patch it would replace (<see cref="Basis"/>), not yet published.</summary>
public sealed record PreparedReload(SoundLibrary Library, Patch Basis, CompileResult Compiled, TimeSpan CompileTime);

/// <summary>
/// A sound being played and edited: the control side of hot reload. <see cref="Reload"/> builds
/// the sound from a new library (its whole dependency closure, with the start-up overrides),
/// compiles it against the running patch's states and hands it to the renderer; a library with
/// errors changes nothing that is heard. Call it from one control thread, never the render thread.
/// </summary>
public sealed class LiveSession
{
    readonly RawMapping? overrides;
    readonly int fadeFrames;

    LiveSession(SoundLibrary library, string sound, RawMapping? overrides, RenderSettings settings, int fadeFrames, Patch patch)
    {
        Library = library;
        Sound = sound;
        this.overrides = overrides;
        Settings = settings;
        this.fadeFrames = fadeFrames;
        Latest = patch;
        Renderer = new Renderer(patch);
    }

    /// <summary>Default declick length at a reload.</summary>
    public const double DefaultFadeMilliseconds = 10;

    public string Sound { get; }

    /// <summary>While true the output renders nothing and the session's frames stand still.</summary>
    public bool Paused { get => paused; set => paused = value; }

    volatile bool paused;

    /// <summary>Declick length at a reload, in frames.</summary>
    public int FadeFrames => fadeFrames;
    public RenderSettings Settings { get; }
    public SoundLibrary Library { get; private set; }
    public Renderer Renderer { get; }

    /// <summary>The newest accepted patch (published; the renderer may not have swapped it in yet).</summary>
    public Patch Latest { get; private set; }

    public static (LiveSession? Session, IReadOnlyList<Problem> Problems) Start(SoundLibrary library, string sound,
        RenderSettings settings, RawMapping? overrides = null, int fadeFrames = 0)
    {
        var compiled = PatchCompiler.Compile(library, sound, settings, overrides);
        return compiled.Patch is { } patch
            ? (new LiveSession(library, sound, overrides, settings, fadeFrames, patch), compiled.Problems)
            : (null, compiled.Problems);
    }

    /// <summary>How long <see cref="Reload"/> waits for the previous reload to be swapped in.</summary>
    public TimeSpan SwapWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Waits (up to <see cref="SwapWait"/>) until the renderer has swapped in the newest patch.</summary>
    public void WaitForSwap()
    {
        var clock = Stopwatch.StartNew();
        while (!ReferenceEquals(Renderer.Current, Latest) && clock.Elapsed < SwapWait) Thread.Sleep(1);
    }

    /// <summary>Reloads from <paramref name="library"/>: compiles it against the playing patch and publishes it.</summary>
    public ReloadReport Reload(SoundLibrary library)
    {
        // Compile against the patch that will be playing when this one is swapped in, so a reload is
        // always based on the patch it replaces (replaying the journal compiles the same way).
        WaitForSwap();
        return Commit(Compile(library, Renderer.Current));
    }

    /// <summary>
    /// Compiles <paramref name="library"/> ahead of its reload, against the newest patch, and
    /// publishes nothing. A compile depends only on the library and the patch it replaces, so
    /// <see cref="Reload(PreparedReload)"/> can publish it later exactly as if compiled then.
    /// </summary>
    public PreparedReload Prepare(SoundLibrary library) => Compile(library, Latest);

    /// <summary>Publishes a prepared reload, or compiles it again when the patch it was compiled
    /// against is no longer the one playing (another reload came first).</summary>
    public ReloadReport Reload(PreparedReload prepared)
    {
        WaitForSwap();
        var running = Renderer.Current;
        return Commit(ReferenceEquals(prepared.Basis, running) ? prepared : Compile(prepared.Library, running));
    }

    PreparedReload Compile(SoundLibrary library, Patch running)
    {
        var clock = Stopwatch.StartNew();
        if (!library.Sounds.ContainsKey(Sound))
        {
            var was = running.Spec.Pos;
            var gone = Problem.Error(new SourcePos(was.File, 1, 1), $"sound '{Sound}' is no longer in the library (it was defined at {was.File}:{was.Line}); still playing the last version");
            return new PreparedReload(library, running, new CompileResult(null, [.. library.Problems.Where(p => p.IsError), gone]), clock.Elapsed);
        }
        CompileResult compiled;
        try
        {
            compiled = PatchCompiler.Compile(library, Sound, Settings, overrides, new PreviousPatch(running, running.Vars), fadeFrames);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect of the compiler must not stop the music either: the last good patch plays on.
            var at = new SourcePos(running.Spec.Pos.File, 1, 1);
            compiled = new CompileResult(null, [Problem.Error(at, $"internal error while compiling '{Sound}': {e.GetType().Name}: {e.Message}")]);
        }
        return new PreparedReload(library, running, compiled, clock.Elapsed);
    }

    ReloadReport Commit(PreparedReload prepared)
    {
        var compiled = prepared.Compiled;
        if (compiled.Patch is not { } patch)
            return new ReloadReport(Latest.Revision, false, new PatchChanges([], [], []), compiled.Problems, prepared.CompileTime);
        var numbered = patch.WithRevision(Latest.Revision + 1);
        Library = prepared.Library;
        Latest = numbered;
        Renderer.Publish(numbered);
        if (Interlocked.Exchange(ref collecting, 1) == 0)
            ThreadPool.QueueUserWorkItem(static s => s.CollectAfterSwap(), this, preferLocal: false);
        return new ReloadReport(numbered.Revision, true, numbered.Changes, compiled.Problems, prepared.CompileTime);
    }

    /// <summary>
    /// Once the new patch plays, collects the garbage of the compile and of the patch it replaced. A
    /// compile allocates megabytes (every node's buffers); left to the allocator, the collection
    /// falls into a later compile and delays that reload by about 10 ms. Done here, between edits,
    /// the next compile starts with room. The render thread has its lead (it renders ahead of the
    /// device) to ride out the pause, which it would meet during the compile otherwise.
    /// </summary>
    void CollectAfterSwap()
    {
        try
        {
            WaitForSwap();
            // Not swapped in (no render thread, or a newer reload pending): left to the allocator.
            if (ReferenceEquals(Renderer.Current, Latest))
            {
                GC.Collect(1, GCCollectionMode.Forced, blocking: true);
                Interlocked.Increment(ref collections);
            }
        }
        finally
        {
            Volatile.Write(ref collecting, 0);
        }
    }

    /// <summary>1 while a collection after a swap is pending (one at a time).</summary>
    int collecting;

    int collections;

    /// <summary>How many collections followed a swap so far.</summary>
    public int CollectionsAfterSwap => Volatile.Read(ref collections);

    /// <summary>Re-initialises the state of one node id, or of every node, at the next block; null for an
    /// unknown id. The write's <see cref="StateWrite.Frame"/> says when it was applied.</summary>
    public StateWrite? Reset(string? id = null)
    {
        if (StateWrite.Reset(Renderer.Current, id) is not { } write) return null;
        Renderer.Write(write);
        return write;
    }
}
