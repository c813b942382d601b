using Lnemis.Server;

return await LnemisHost.RunAsync(args);

/// <summary>Entry point type, also used by the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
