namespace Lnemis.Integrations;

/// <summary>Permission names of the Integrations module (granted to roles in the Identity module's RoleCatalog).</summary>
public static class IntegrationPermissions
{
    public const string WebhooksManage = "webhooks.manage";
    public const string PaymentsRead = "payments.read";
    public const string PaymentsManage = "payments.manage";
}
