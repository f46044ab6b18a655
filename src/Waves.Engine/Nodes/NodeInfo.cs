using System.Collections.Immutable;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>How a node type treats keys that are not among its parameters.</summary>
public enum ExtraKeys
{
    /// <summary>An unknown key is an error.</summary>
    Forbid,
    /// <summary>Extra keys are the node's own content (mix tracks, context variables).</summary>
    Allow,
    /// <summary>Unknown keys are reported as a warning and ignored (the original ignored them silently).</summary>
    Ignore,
}

/// <summary>A node type: its YAML key, parameters, output and compiler.</summary>
public sealed record NodeInfo(
    string Key,
    string Doc,
    string Output,
    ImmutableArray<ParamInfo> Params,
    ExtraKeys Extra,
    Func<NodeSpec, CompileScope, Signal> Compile)
{
    /// <summary>Passes <c>signal</c> through (the root may still be an explicit mix below it).</summary>
    public bool PassThrough { get; init; }

    /// <summary>Keys skipped among extra keys (not tracks, not variables).</summary>
    public ImmutableArray<string> SkippedExtraKeys { get; init; } = [];

    public ParamInfo? Param(string name)
    {
        foreach (var p in Params)
            if (p.Name == name) return p;
        foreach (var p in NodeRegistry.BaseParams)
            if (p.Name == name) return p;
        return null;
    }
}
