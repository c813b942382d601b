using System.Net;
using System.Net.Http.Json;
using Lnemis.Identity.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Platform.Tests;

public sealed class IdempotencyTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    private static HttpRequestMessage Post(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/areas") { Content = JsonContent.Create(body, options: TestClient.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task RepeatedPost_WithTheSameKey_PerformsOnce_AndReplaysTheAnswer()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var key = Guid.NewGuid().ToString();
        var body = new { code = Given.Unique("IDEM"), name = "Once" };

        var first = await client.Http.SendAsync(Post(key, body));
        var firstJson = await first.ReadJsonAsync(HttpStatusCode.Created);
        var second = await client.Http.SendAsync(Post(key, body));
        var secondJson = await second.ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(firstJson["id"]!.GetValue<string>(), secondJson["id"]!.GetValue<string>());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var count = await factory.WithDbAsync(db => db.Set<Institutions.Domain.Area>().CountAsync(a => a.Code == body.code));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task SimultaneousDoubleSubmit_PerformsOnce()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        // Several rounds so that the twins really overlap: one finishing while another is between
        // its key check and its own validation must still give the twin's outcome, never a 400.
        for (var round = 0; round < 8; round++)
        {
            var key = Guid.NewGuid().ToString();
            var body = new { code = Given.Unique("DBL"), name = "Double click" };
            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.Http.SendAsync(Post(key, body))));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var response in responses)
            {
                Assert.True(
                    response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
                    $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            var count = await factory.WithDbAsync(db => db.Set<Institutions.Domain.Area>().CountAsync(a => a.Code == body.code));
            Assert.Equal(1, count);
        }
    }

    [Fact]
    public async Task SameKey_WithADifferentBody_IsRefused()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var key = Guid.NewGuid().ToString();
        await (await client.Http.SendAsync(Post(key, new { code = Given.Unique("K1"), name = "One" }))).ReadJsonAsync(HttpStatusCode.Created);
        var reuse = await client.Http.SendAsync(Post(key, new { code = Given.Unique("K2"), name = "Two" }));
        await reuse.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task FailedRequest_DoesNotConsumeTheKey()
    {
        var (client, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var key = Guid.NewGuid().ToString();
        await (await client.Http.SendAsync(Post(key, new { code = "bad code!", name = "x" }))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var area = await factory.WithDbAsync(db => db.IdempotencyRecords.AnyAsync(r => r.Key == key));
        Assert.False(area);
    }
}

public sealed class AnonymousIdempotencyTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    [Fact]
    public async Task AnonymousCallers_NeverGetEachOthersAnswers()
    {
        var given = new Given(factory);
        var alice = await given.UserAsync(RoleCatalog.Viewer);
        var bob = await given.UserAsync(RoleCatalog.Viewer);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> SignIn(TestUser user, string password)
        {
            var client = factory.CreateTestClient();
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
            {
                Content = JsonContent.Create(new { email = user.Email, password }, options: TestClient.Json),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.Http.SendAsync(request);
        }

        await (await SignIn(alice, "wrong-password-entirely")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var second = await SignIn(bob, bob.Password);
        await second.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
    }
}
