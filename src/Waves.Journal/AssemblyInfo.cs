namespace Waves.Journal;

/// <summary>Marker for the journal assembly; events, the LiteDB store and replay live here.</summary>
internal static class JournalAssembly;
