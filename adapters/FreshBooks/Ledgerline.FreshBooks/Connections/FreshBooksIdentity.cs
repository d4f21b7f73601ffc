using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>The user and business memberships behind a fresh access token, from <c>GET /auth/api/v1/users/me</c>.</summary>
internal sealed record FreshBooksIdentity(string IdentityId, string? Email, string? FirstName, string? LastName, IReadOnlyList<FreshBooksBusiness> Businesses);
