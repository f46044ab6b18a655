using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// Sample paths of <c>sample</c> and <c>buffer</c>: resolved against the project root (the folder
/// holding the sound folder), then against the folder of the file the node is written in, and
/// loaded through <see cref="SampleCache"/>. Every failure is an error at the path's position.
/// </summary>
public static class SampleFiles
{
    /// <summary>The path a node's <c>file</c> names: the first of the candidates that exists, else the first.</summary>
    public static string Resolve(string path, CompileScope scope, NodeSpec spec)
    {
        if (Path.IsPathRooted(path)) return path;
        var fromRoot = Path.Combine(scope.Env.ProjectRoot, path);
        if (File.Exists(fromRoot) || Directory.Exists(fromRoot)) return fromRoot;
        var folder = Path.GetDirectoryName(spec.Pos.File);
        if (!string.IsNullOrEmpty(folder))
        {
            var fromFolder = Path.Combine(folder, path);
            if (File.Exists(fromFolder) || Directory.Exists(fromFolder)) return fromFolder;
        }
        return fromRoot;
    }

    /// <summary>The text of a path parameter, or null (with an error when it is there but not text).</summary>
    public static Value.Text? PathOf(NodeSpec spec, string name, CompileScope scope)
    {
        switch (spec.Get(name))
        {
            case Value.Text t when t.V.Trim().Length > 0:
                return t;
            case null or Value.Null or Value.Invalid:
                return null;
            case { } other:
                scope.Env.Error(other.Pos, $"'{name}' of '{spec.Type}' is a path, got {other.Describe()}");
                return null;
        }
    }

    /// <summary>One audio file, or null after reporting why it cannot be read.</summary>
    public static WavData? Load(Value.Text path, CompileScope scope, NodeSpec spec)
    {
        var resolved = Resolve(path.V.Trim(), scope, spec);
        if (Directory.Exists(resolved))
        {
            scope.Env.Error(path.Pos, $"'{path.V}' is a folder; a folder of chops needs 'chop'");
            return null;
        }
        return Read(resolved, path, scope);
    }

    /// <summary>The <c>.wav</c> files of a chop folder in order, or null after reporting why not.</summary>
    public static WavData[]? LoadFolder(Value.Text path, CompileScope scope, NodeSpec spec)
    {
        var resolved = Resolve(path.V.Trim(), scope, spec);
        if (!Directory.Exists(resolved))
        {
            scope.Env.Error(path.Pos, File.Exists(resolved)
                ? $"'{path.V}' is a file; with 'chop', 'file' names a folder of .wav files"
                : $"sample folder '{path.V}' not found (looked in {Path.GetFullPath(resolved)})");
            return null;
        }
        IReadOnlyList<string> files;
        try { files = SampleCache.WavFilesIn(resolved); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            scope.Env.Error(path.Pos, $"cannot list sample folder '{path.V}': {e.Message}");
            return null;
        }
        if (files.Count == 0)
        {
            scope.Env.Error(path.Pos, $"sample folder '{path.V}' has no .wav files");
            return null;
        }
        var loaded = new WavData[files.Count];
        for (var i = 0; i < files.Count; i++)
            if (Read(files[i], path, scope) is { } d) loaded[i] = d;
            else return null;
        return loaded;
    }

    static WavData? Read(string resolved, Value.Text path, CompileScope scope)
    {
        try
        {
            return SampleCache.Load(resolved);
        }
        catch (FileNotFoundException)
        {
            scope.Env.Error(path.Pos, $"sample file '{path.V}' not found (looked in {Path.GetFullPath(resolved)})");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a damaged file makes the decoder throw, it is a message, not a crash.
            scope.Env.Error(path.Pos, $"cannot read sample file '{Path.GetFileName(resolved)}': {Reason(e, resolved)}");
        }
        return null;
    }

    // The reader's messages start with the path; the position already says where.
    static string Reason(Exception e, string resolved)
    {
        var m = e.Message;
        var full = Path.GetFullPath(resolved);
        foreach (var prefix in new[] { full + ": ", resolved + ": " })
            if (m.StartsWith(prefix, StringComparison.Ordinal)) return m[prefix.Length..];
        return m;
    }
}
