using System.Text;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>Golden JSON bodies (written for these tests in FreshBooks' documented shapes) as adapter responses.</summary>
internal static class Golden
{
    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", file));

    public static FreshBooksResponse Response(string file, EntityKind entity, string operation = "get") =>
        new(new FreshBooksCall(entity, operation, "golden"), 200, Bytes(file));

    public static FreshBooksResponse Response(byte[] body, EntityKind entity, int status = 200, string operation = "get") =>
        new(new FreshBooksCall(entity, operation, "golden"), status, body);

    public static FreshBooksResponse Response(string json, EntityKind entity, int status, string operation = "get") =>
        Response(Encoding.UTF8.GetBytes(json), entity, status, operation);
}
