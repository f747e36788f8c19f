using Newtonsoft.Json.Converters;

namespace Lucairn;

/// <summary>Reads enums only from their exact wire names (no integers, no unknown names).</summary>
internal sealed class StrictEnumConverter : StringEnumConverter
{
    public StrictEnumConverter()
    {
        AllowIntegerValues = false;
    }
}
