using BenchmarkDotNet.Attributes;
using Lnemis.Institutions.Domain;

namespace Lnemis.Benchmarks;

/// <summary>National learner numbers (Institutions Domain/Learner): the Luhn check digit, the check of a typed number, and issuing a new one.</summary>
public class LearnerNumberBenchmarks
{
    private const string Body = "482913075";
    private string number = "";

    [GlobalSetup]
    public void Setup()
    {
        number = Body + LearnerNumbers.CheckDigit(Body);
        BenchmarkInput.Expect(LearnerNumbers.IsValid(number), "the number with its check digit is valid");
        BenchmarkInput.Expect(!LearnerNumbers.IsValid(Body + (char)('0' + ((number[9] - '0' + 1) % 10))), "a wrong check digit is refused");
        BenchmarkInput.Expect(LearnerNumbers.IsValid(Issue()), "an issued number is valid");
    }

    [Benchmark(Description = "Check digit (Luhn) of a 9-digit body")]
    public char CheckDigit() => LearnerNumbers.CheckDigit(Body);

    [Benchmark(Description = "Validate a typed 10-digit number")]
    public bool Validate() => LearnerNumbers.IsValid(number);

    [Benchmark(Description = "Issue a new number (cryptographic random digits + check digit)")]
    public string Issue() => LearnerNumbers.Issue();
}
