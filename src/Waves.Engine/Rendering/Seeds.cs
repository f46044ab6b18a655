namespace Waves.Engine.Rendering;

/// <summary>Stable seeds from the session seed and a node id (string hashing in .NET is randomised
/// per process, so ids are hashed here with FNV-1a and mixed with SplitMix64).</summary>
public static class Seeds
{
    public static ulong For(ulong sessionSeed, string id, string site = "")
    {
        var h = 14695981039346656037UL;
        foreach (var c in id) { h ^= c; h *= 1099511628211UL; }
        h ^= '#'; h *= 1099511628211UL;
        foreach (var c in site) { h ^= c; h *= 1099511628211UL; }
        return Mix(h ^ Mix(sessionSeed));
    }

    /// <summary>SplitMix64 finaliser: a good 64-bit hash of a counter.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) from 53 bits of a hash.</summary>
    public static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
