using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of <see cref="LucairnClientOptions"/>; identical behaviour.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnClientOptions. The TheVeil names will be removed in a future version.")]
public class TheVeilConfig : LucairnClientOptions
{
}
