using System.Globalization;
using System.Security.Cryptography;
using Lnemis.Platform.Data;

namespace Lnemis.Institutions.Domain;

public enum Sex
{
    Female,
    Male,
}

public enum LearnerStatus
{
    Active,
    Merged,
}

/// <summary>
/// A learner, registered at an institution (its scope path is the institution's, so the school,
/// its district and county see the learner). The learner number is issued by the system, stable
/// for life, with a check digit; it is issued with or without a birth certificate. The national
/// id is encrypted at rest and classified OFFICIAL-SENSITIVE: reading it is audited.
/// </summary>
public sealed class Learner : IAudited, IScoped, ISoftDeletable, IVersioned
{
    public Guid Id { get; set; }
    public required string LearnerNumber { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public string? OtherNames { get; set; }
    public Sex Sex { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public bool HasBirthCertificate { get; set; }

    /// <summary>Space-separated special-needs codes (e.g. "VISUAL HEARING").</summary>
    public string SpecialNeeds { get; set; } = "";

    public List<Guardian> Guardians { get; set; } = [];

    /// <summary>The national id, encrypted with the data-protection keys; never in the audit log.</summary>
    [NotAudited]
    public string? NationalIdProtected { get; set; }

    public bool HasNationalId { get; set; }

    public Guid InstitutionId { get; set; }

    /// <summary>The school's own admission number, unique within the school (the key of imports without a learner number).</summary>
    public string? AdmissionNumber { get; set; }

    public required string ScopePath { get; set; }

    public LearnerStatus Status { get; set; }
    public Guid? MergedIntoId { get; set; }

    [NotAudited]
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public long Version { get; set; }
}

public sealed class Guardian
{
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>
/// National learner numbers: ten digits, the last a Luhn check digit, so a mistyped digit or a
/// swap of neighbours is caught before any lookup. The first nine are random (not guessable
/// from a school or a date).
/// </summary>
public static class LearnerNumbers
{
    public static string Issue()
    {
        // One draw for the nine-digit body (first digit not zero): a draw per digit cost nine
        // system calls, ~100 µs a number, which a million-row import felt.
        var digits = RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture);
        return digits + CheckDigit(digits);
    }

    public static bool IsValid(string? number) =>
        number is { Length: 10 } && number.All(char.IsAsciiDigit) && number[0] != '0' && CheckDigit(number[..9]) == number[9];

    /// <summary>Luhn: double every second digit from the right of the body, sum the digits, complete to a multiple of ten.</summary>
    public static char CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
