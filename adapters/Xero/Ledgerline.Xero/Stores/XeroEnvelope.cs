using System.Text.Json;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Reads Xero's plural envelopes into canonical records: a body that could not be read, a missing array, or a record
/// whose required values are missing or unreadable becomes <see cref="InvalidProviderResponseException"/> with a
/// bounded excerpt (of the record itself when it can be located). A record's raw JSON
/// (<see cref="LedgerRecord.RawRepresentation"/>, a <see cref="RawJson"/>) is copied out of a document of the body when asked for.
/// </summary>
internal static class XeroEnvelope
{
    /// <summary>The records of an answer.</summary>
    public static List<TWire> Records<TWire, TResult>(XeroResult<TResult> answer, string listKey)
        where TResult : class, IXeroList<TWire>
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Content is null)
        {
            throw XeroErrorTable.Invalid(answer.Call, answer.Status, answer.Body,
                answer.ReadError is null ? "Xero answered with an empty body" : $"Xero answered with a body that could not be read ({answer.ReadError.Message})",
                answer.ReadError);
        }

        return answer.Content.Records
            ?? throw XeroErrorTable.Invalid(answer.Call, answer.Status, answer.Body, $"Xero answered without the '{listKey}' array");
    }

    /// <summary>The records of an answer (non-generic-inference convenience).</summary>
    public static List<TaxRateWire> Records(XeroResult<TaxRatesResult> answer, string listKey) => Records<TaxRateWire, TaxRatesResult>(answer, listKey);

    /// <summary>Maps every record of an answer, in order.</summary>
    public static IReadOnlyList<TRecord> Map<TWire, TRecord, TResult>(
        XeroResult<TResult> answer, string listKey, bool keepRaw, Func<TWire, TRecord> map)
        where TResult : class, IXeroList<TWire>
        where TRecord : LedgerRecord
    {
        var wires = Records<TWire, TResult>(answer, listKey);
        var records = new TRecord[wires.Count];
        JsonDocument? document = null;
        try
        {
            for (var index = 0; index < wires.Count; index++)
            {
                try
                {
                    records[index] = map(wires[index]);
                }
                catch (Exception exception) when (exception is FormatException or OverflowException or InvalidOperationException or ArgumentException)
                {
                    throw XeroErrorTable.Invalid(answer.Call, answer.Status, RecordBytes(answer.Body, listKey, index),
                        $"Xero sent {EntityNames.WithArticle(answer.Call.Entity)} that cannot be read: {exception.Message}", exception);
                }
            }

            if (keepRaw && records.Length > 0)
            {
                document = JsonDocument.Parse(answer.Body, XeroJson.DocumentOptions);
                var array = document.RootElement.GetProperty(listKey);
                var index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    records[index] = records[index] with { RawRepresentation = new RawJson(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).ToArray()) };
                    index++;
                }
            }

            return records;
        }
        finally
        {
            document?.Dispose();
        }
    }

    /// <summary>The one record of a GET by id.</summary>
    public static TRecord Single<TRecord>(XeroCall call, int status, ReadOnlyMemory<byte> body, IReadOnlyList<TRecord> records) =>
        records.Count == 1 ? records[0] : throw XeroErrorTable.Invalid(call, status, body, $"Xero answered {records.Count} records where one was expected");

    private static ReadOnlyMemory<byte> RecordBytes(ReadOnlyMemory<byte> body, string listKey, int index)
    {
        try
        {
            using var document = JsonDocument.Parse(body, XeroJson.DocumentOptions);
            return document.RootElement.TryGetProperty(listKey, out var array) && array.ValueKind == JsonValueKind.Array && array.GetArrayLength() > index
                ? System.Text.Encoding.UTF8.GetBytes(array[index].GetRawText())
                : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
