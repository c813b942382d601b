using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Lnemis.Platform.Audit;

namespace Lnemis.Benchmarks;

/// <summary>
/// The audit chain's hash (Platform Audit/AuditChain), computed once per audited change when it is
/// appended and once per entry when the chain is verified.
/// </summary>
public class AuditHashBenchmarks
{
    private AuditRecord learnerCreate = null!;
    private AuditRecord[] chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        learnerCreate = Entry(1_234_567, "0000000000000000000000000000000000000000000000000000000000000000");
        // A stretch of chain to verify, linked as the data context links it.
        chain = new AuditRecord[1_000];
        var previous = "";
        for (var i = 0; i < chain.Length; i++)
        {
            chain[i] = Entry(i + 1, previous);
            chain[i].Hash = AuditChain.ComputeHash(chain[i]);
            previous = chain[i].Hash;
        }

        BenchmarkInput.Expect(learnerCreate.Changes!.Length is > 600 and < 1_200, "the entry holds a learner's create, about 1 KB of JSON");
        BenchmarkInput.Expect(VerifyThousandEntries() == chain.Length, "the generated chain verifies");
    }

    [Benchmark(Description = "SHA-256 of one entry: a learner created (~1 KB of changes)")]
    public string HashLearnerCreate() => AuditChain.ComputeHash(learnerCreate);

    [Benchmark(Description = "Verify 1,000 chained entries (recompute and compare)")]
    public int VerifyThousandEntries()
    {
        var previous = "";
        for (var i = 0; i < chain.Length; i++)
        {
            var record = chain[i];
            if (record.PreviousHash != previous || AuditChain.ComputeHash(record) != record.Hash)
            {
                return i;
            }

            previous = record.Hash;
        }

        return chain.Length;
    }

    private static AuditRecord Entry(long sequence, string previousHash)
    {
        var id = new Guid(0x0193_5a2c, 0x7d41, 0x7b3e, 0x9a, 0x10, 0x4f, 0x2e, 0x61, 0x88, 0x0c, (byte)(sequence % 256));
        // What the data context writes for a learner's create: every audited property, "new" only.
        var changes = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Id"] = New(id),
            ["LearnerNumber"] = New("4829130756"),
            ["GivenName"] = New("Wanjiru"),
            ["FamilyName"] = New("Odhiambo"),
            ["OtherNames"] = New("Achieng Faith"),
            ["Sex"] = New(0),
            ["DateOfBirth"] = New(new DateOnly(2014, 7, 21)),
            ["HasBirthCertificate"] = New(true),
            ["SpecialNeeds"] = New("VISUAL"),
            ["HasNationalId"] = New(false),
            ["InstitutionId"] = New(new Guid("0193a2c4-1d20-7c1e-8b6a-27c1f0d9e311")),
            ["AdmissionNumber"] = New("ADM-2026-00417"),
            ["ScopePath"] = New("/0193a2c4-0000-7000-8000-000000000001/0193a2c4-0000-7000-8000-000000000017/0193a2c4-0000-7000-8000-000000000311/0193a2c4-1d20-7c1e-8b6a-27c1f0d9e311/"),
            ["Status"] = New(0),
            ["MergedIntoId"] = New(null),
            ["CreatedAt"] = New(new DateTimeOffset(2026, 11, 23, 9, 41, 7, 123, TimeSpan.Zero)),
            ["DeletedAt"] = New(null),
            ["Guardians"] = New(new[] { new { Name = "Grace Odhiambo", Relationship = "mother", Phone = "+254700123456", Email = "grace.odhiambo@example.org" } }),
        });
        return new AuditRecord
        {
            Sequence = sequence,
            At = AuditChain.Normalise(new DateTimeOffset(2026, 11, 23, 9, 41, 7, 123, TimeSpan.Zero).AddSeconds(sequence)),
            UserId = new Guid("0193a2c4-55aa-7d00-9c3b-0e5f7a1b2c3d"),
            Actor = "district.officer@education.gov.ln",
            RequestId = $"0HNH8S3K2L1QJ:{sequence:x8}",
            Action = AuditActions.Create,
            EntityType = "Learner",
            EntityId = id.ToString(),
            Changes = changes,
            PreviousHash = previousHash,
            Hash = "",
        };
    }

    private static Dictionary<string, object?> New(object? value) => new() { ["new"] = value };
}
