namespace Waves.Engine.Rendering;

/// <summary>The block being rendered: its sequence number, first session frame and length.</summary>
public readonly record struct Block(long Index, long Frame, int Count);
