using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using QRCoder;

namespace Lnemis.Identity.Auth;

/// <summary>TOTP (RFC 6238: SHA-1, 6 digits, 30 s). The shared secret is stored encrypted with the data-protection keys.</summary>
internal sealed class TotpService(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Issuer = "LNEMIS";

    private readonly IDataProtector protector = protection.CreateProtector("Lnemis.Identity.Totp.v1");

    public (string SharedKey, string ProtectedSecret) NewSecret()
    {
        var key = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        return (key, protector.Protect(key));
    }

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);

    public static string AuthenticatorUri(string email, string sharedKey) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={sharedKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    public static string QrCodeDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>
    /// Checks a code against the secret, allowing one step of clock drift either way. Returns the
    /// matched time step, which must be later than the last one used (no replay of a code).
    /// </summary>
    public long? Verify(string protectedSecret, string code, long lastUsedStep)
    {
        var digits = new string(code.Where(char.IsDigit).ToArray());
        if (digits.Length != 6)
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(Unprotect(protectedSecret)));
        var ok = totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1));
        return ok && step > lastUsedStep ? step : null;
    }
}
