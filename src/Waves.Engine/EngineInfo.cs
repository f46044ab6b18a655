namespace Waves.Engine;

/// <summary>What a journal records about the engine that rendered it.</summary>
public static class EngineInfo
{
    /// <summary>Raised whenever a change makes the same journal render different samples; a session
    /// recorded under another render version is refused rather than replayed wrongly.</summary>
    public const int RenderVersion = 2;

    public static string Version => $"waves render {RenderVersion}";
}
