namespace Nomyo.Tests;

public class HeaderEncodingTests
{
    [Test]
    public void Public_key_header_matches_python_urllib_quote()
    {
        // Expected value produced by CPython 3: urllib.parse.quote(pem) (safe="/").
        const string Pem = "-----BEGIN PUBLIC KEY-----\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA+/=~\n-----END PUBLIC KEY-----\n";

        Assert.That(ClientKeyPair.EscapeForHeader(Pem), Is.EqualTo(
            "-----BEGIN%20PUBLIC%20KEY-----%0AMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA%2B/%3D~%0A-----END%20PUBLIC%20KEY-----%0A"));
        Assert.That(Uri.UnescapeDataString(ClientKeyPair.EscapeForHeader(Pem)), Is.EqualTo(Pem));
    }
}
