namespace Lucairn;

/// <summary>Member paths for problem messages.</summary>
internal ref partial struct CertificateReader
{
    private static string ClaimPath(int index, string member) => $"claims[{index}].{member}";

    /// <summary>A member's path for messages, formatted only when a problem is recorded (the happy path builds no strings).</summary>
    private readonly struct PathText
    {
        private readonly string? _owner;
        private readonly int _claimIndex;
        private readonly string _name;

        private PathText(string? owner, int claimIndex, string name)
        {
            _owner = owner;
            _claimIndex = claimIndex;
            _name = name;
        }

        public static implicit operator PathText(string path) => new(null, -1, path);

        internal static PathText Claim(int index, string name) => new(null, index, name);

        internal static PathText Under(string owner, string name) => new(owner, -1, name);

        public override string ToString() =>
            _claimIndex >= 0 ? ClaimPath(_claimIndex, _name) : _owner is null ? _name : $"{_owner}.{_name}";
    }
}
