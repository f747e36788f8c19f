namespace Lucairn;

/// <summary>Duplicate-name tracking for one JSON object.</summary>
internal ref partial struct CertificateReader
{
    /// <summary>The names seen in one object: a bit per table name, a set for any other name.</summary>
    private struct ObjectMembers
    {
        private ulong _low;
        private ulong _high;
        private MemberNameSet? _others;

        internal bool Add(string name, int slot)
        {
            if (slot >= 0)
            {
                // Two 64-bit halves: a UInt128 shift is a call, this is two instructions.
                ref ulong half = ref slot < 64 ? ref _low : ref _high;
                ulong bit = 1UL << (slot & 63);
                bool added = (half & bit) == 0;
                half |= bit;
                return added;
            }

            _others ??= new MemberNameSet();
            return _others.Add(name);
        }
    }
}
