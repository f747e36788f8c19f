using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// A reader over a token tree the wire converters loaded themselves and may take apart while
/// binding (so nested models and signed objects are not copied again). Never wraps a caller's token.
/// </summary>
internal sealed class OwnedTokenReader(JToken token) : JTokenReader(token);
