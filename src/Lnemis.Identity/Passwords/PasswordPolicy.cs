using System.Reflection;

namespace Lnemis.Identity.Passwords;

/// <summary>
/// The password rules (NIST SP 800-63B style): at least 12 characters, at most 128, not a common
/// password nor a common password dressed up with digits and symbols.
/// No composition rules: length and rarity matter, not a forced capital letter.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static IReadOnlyList<string> Check(string? password)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("Enter a password.");
            return errors;
        }

        if (password.Length < MinLength)
        {
            errors.Add($"Use at least {MinLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            errors.Add($"Use at most {MaxLength} characters.");
        }

        var lower = password.ToLowerInvariant();
        var core = lower.Trim().TrimEnd("0123456789!@#$%^&*()-_=+.?,;:~ ".ToCharArray()).TrimStart("0123456789!@#$%^&*()-_=+.?,;:~ ".ToCharArray());
        if (Common.Value.Contains(lower) || Common.Value.Contains(core) || Common.Value.Contains(Deleet(core)))
        {
            errors.Add("This password is too common; choose a less predictable one (a few unrelated words work well).");
        }
        else if (lower.Distinct().Count() <= 3)
        {
            errors.Add("This password repeats too few different characters.");
        }

        return errors;
    }

    private static string Deleet(string s) => s.Replace('0', 'o').Replace('1', 'i').Replace('3', 'e').Replace('4', 'a').Replace('5', 's').Replace('@', 'a').Replace('$', 's');

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Lnemis.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
