using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace WiseCx.Sandbox;

/// <summary>
/// The two shapes of an export's file (<see cref="SandboxConfig.ExportReportFormat"/>): the collection's CSV, and the
/// live API's ZIP holding a CSV written for people (api/NOTES.md F5).
/// </summary>
internal static class ExportFormats
{
    /// <summary>The collection's example: report_url ends in .csv; the CSV's header holds the API's column names.</summary>
    public const string Csv = "csv";

    /// <summary>As public code shows the live API: report_url ends in .zip; inside, a CSV with localised headers.</summary>
    public const string Zip = "zip";

    public static string Read(JsonElement value, string name)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim().ToLowerInvariant() : null;
        return text is Csv or Zip ? text : throw ApiException.BadRequest($"{name} must be \"{Csv}\" or \"{Zip}\".");
    }

    /// <summary>A ZIP holding one entry, <c>&lt;export_id&gt;.csv</c>, as the live bucket serves it.</summary>
    public static byte[] Zipped(string exportId, byte[] csv)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(exportId + ".csv", CompressionLevel.Optimal);
            using var stream = entry.Open();
            stream.Write(csv);
        }
        return buffer.ToArray();
    }

    /// <summary>UTF-8 with a BOM, so spreadsheet programs read "Núñez" right, as exported files commonly carry one.</summary>
    public static byte[] Encode(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
}

/// <summary>
/// How the live report writes a cell for people: "Entity: Column" headers in Spanish (<c>ID: #</c>, <c>Caso: Resuelta</c>),
/// <c>S/D</c> ("sin datos") where there is no value, decimal commas. The column keys stay the API's names.
/// </summary>
internal static class LocalisedReport
{
    /// <summary>The marker the live report writes in a cell that has no value.</summary>
    public const string NoData = "S/D";

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["period"] = "Fecha: Periodo",
        ["conv_id"] = "ID: #",
        ["conv_number"] = "Caso: Número",
        ["conv_created"] = "Caso: Fecha de creación",
        ["group_id"] = "Grupo: ID",
        ["user_id"] = "Agente: ID",
        ["contact_id"] = "Contacto: ID",
        ["status"] = "Caso: Estado",
        ["source_channel"] = "Caso: Canal",
        ["priority"] = "Caso: Prioridad",
        ["subject"] = "Caso: Asunto",
        ["tags"] = "Caso: Etiquetas",
        ["solved"] = "Caso: Resuelta",
        ["first_response_minutes"] = "Caso: Tiempo de primera respuesta (min)",
        ["response_id"] = "ID: #",
        ["survey_id"] = "Encuesta: ID",
        ["case_id"] = "Caso: ID",
        ["sent_at"] = "Encuesta: Enviada",
        ["responded_at"] = "Encuesta: Respondida",
    };

    public static string Header(string column, bool survey) => column switch
    {
        "status" when survey => "Respuesta: Estado",
        _ => Headers.GetValueOrDefault(column, column),
    };

    /// <summary>An id of 0, an empty text or a missing date reads <c>S/D</c>; yes/no in Spanish; decimals with a comma.</summary>
    public static string Cell(string column, string apiValue) => column switch
    {
        "solved" => apiValue == "true" ? "Sí" : "No",
        "first_response_minutes" when apiValue.Length > 0 =>
            decimal.Parse(apiValue, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ','),
        _ when apiValue.Length == 0 || (column.EndsWith("_id", StringComparison.Ordinal) && apiValue == "0") => NoData,
        _ => apiValue,
    };
}
