namespace TalksBot.Core.Embeddings;

// Hand-written: FNV-1a is ten lines, and string.GetHashCode is randomised per process, which would
// make stored vectors meaningless after a restart.
internal static class Fnv1a
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var hash = OffsetBasis ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        // A final avalanche so the low bits used for the bucket and the sign bit are well mixed.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        return hash;
    }
}
