using System.Globalization;
using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Auth;

/// <summary><c>GET /auth/api/v1/users/me</c>: the identity with its business memberships.</summary>
internal static class IdentityEndpoint
{
    public static void Map(WebApplication app, SandboxServices s)
    {
        foreach (var path in new[] { "/auth/api/v1/users/me", "/service/auth/api/v1/users/me" })
        {
            app.MapGet(path, (HttpContext c) => MeAsync(c, s));
        }
    }

    private static async Task MeAsync(HttpContext context, SandboxServices s)
    {
        if (await s.Gate.AuthorizeAsync(context, ServiceFamily.Auth, "user:profile:read") is null)
        {
            return;
        }

        await HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("response");
            Write(w, s.Data);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter w, SandboxData data)
    {
        var id = data.Identity;
        var created = Formats.IsoZ(SandboxData.SeedEpoch.AddDays(-400));
        var idText = id.Id.ToString(CultureInfo.InvariantCulture);
        w.WriteNumber("id", id.Id);
        w.WriteNumber("identity_id", id.Id);
        w.WriteString("identity_uuid", id.Uuid);
        w.WriteString("first_name", id.FirstName);
        w.WriteString("last_name", id.LastName);
        w.WriteString("email", id.Email);
        w.WriteString("language", "en");
        w.WriteString("confirmed_at", created);
        w.WriteString("created_at", created);
        w.WriteNull("unconfirmed_email");
        w.WriteBoolean("setup_complete", true);
        w.WriteStartArray("phone_numbers");
        w.WriteStartObject();
        w.WriteString("title", "mobile");
        w.WriteString("phone_number", "416-555-0100");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("addresses");
        w.WriteNullValue();
        w.WriteEndArray();
        w.WriteStartObject("profile");
        w.WriteBoolean("setup_complete", true);
        w.WriteString("first_name", id.FirstName);
        w.WriteString("last_name", id.LastName);
        w.WriteString("phone_number", "416-555-0100");
        w.WriteNull("address");
        w.WriteStartArray("professions");
        w.WriteEndArray();
        w.WriteBoolean("has_password", true);
        w.WriteEndObject();
        w.WriteStartObject("profession");
        w.WriteNumber("id", 99001);
        w.WriteNumber("business_id", data.PrimaryBusiness.BusinessId);
        w.WriteString("title", "Owner");
        w.WriteString("company", data.PrimaryBusiness.Name);
        w.WriteString("designation", "Owner");
        w.WriteEndObject();
        w.WriteStartObject("links");
        w.WriteString("me", "/service/auth/api/v1/users?id=" + idText);
        w.WriteString("roles", "/service/auth/api/v1/users/role/" + idText);
        w.WriteEndObject();
        w.WriteStartObject("permissions");
        foreach (var b in data.Businesses)
        {
            w.WriteStartObject(b.AccountId);
            w.WriteBoolean("accounting", true);
            w.WriteBoolean("invoices", true);
            w.WriteBoolean("time_tracking", true);
            w.WriteBoolean("projects", true);
            w.WriteNumber("client_limit", 500);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("groups");
        foreach (var b in data.Businesses)
        {
            w.WriteStartObject();
            w.WriteNumber("id", b.MembershipId + 1000);
            w.WriteNumber("group_id", b.BusinessId + 1000);
            w.WriteString("role", b.Role == "owner" ? "owner" : "member");
            w.WriteNumber("identity_id", id.Id);
            w.WriteString("identity_uuid", id.Uuid);
            w.WriteNumber("business_id", b.BusinessId);
            w.WriteBoolean("active", true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("subscription_statuses");
        foreach (var b in data.Businesses)
        {
            w.WriteString(b.AccountId, "active");
        }

        w.WriteEndObject();
        w.WriteStartObject("integrations");
        w.WriteEndObject();
        w.WriteNull("identity_origin");
        w.WriteStartArray("roles");
        var roleId = 50001;
        foreach (var b in data.Businesses)
        {
            w.WriteStartObject();
            w.WriteNumber("id", roleId);
            w.WriteString("role", b.Role == "owner" ? "admin" : "business_employee");
            w.WriteNumber("systemid", b.BusinessId - 300000);
            w.WriteNumber("userid", 1);
            w.WriteString("created_at", created);
            w.WriteStartObject("links");
            w.WriteString("destroy", "/service/auth/api/v1/users/role/" + roleId.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteString("accountid", b.AccountId);
            w.WriteEndObject();
            roleId++;
        }

        w.WriteEndArray();
        w.WriteStartArray("business_memberships");
        foreach (var b in data.Businesses)
        {
            w.WriteStartObject();
            w.WriteNumber("id", b.MembershipId);
            w.WriteString("role", b.Role);
            w.WriteBoolean("unacknowledged_change", false);
            w.WriteStartObject("business");
            w.WriteNumber("id", b.BusinessId);
            w.WriteString("business_uuid", b.BusinessUuid);
            w.WriteString("name", b.Name);
            w.WriteString("account_id", b.AccountId);
            w.WriteString("date_format", "mm/dd/yyyy");
            w.WriteString("timezone", "America/New_York");
            w.WriteBoolean("active", true);
            w.WriteStartObject("address");
            w.WriteNumber("id", b.BusinessId + 7);
            w.WriteString("street", "100 Queen Street W");
            w.WriteString("city", "Toronto");
            w.WriteString("province", "Ontario");
            w.WriteString("country", "Canada");
            w.WriteString("postal_code", "M5H 2N2");
            w.WriteEndObject();
            w.WriteNull("phone_number");
            w.WriteStartArray("business_clients");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
