using System.IO;
using System.IO.Compression;
using System.Text;

namespace WiseCx.Client.Services
{
    /// <summary>
    /// Reads an analytics report file as people get it from WiseCX: a CSV (comma-separated, UTF-8, with or without a
    /// byte order mark, quoted cells as RFC 4180 has them), or a ZIP holding one, as the live API serves it. Each row is
    /// its cells under the report's own headers, in order; the header text is kept as written ("ID: #", "Caso: Resuelta").
    /// Values stay text: the live report writes decimals with a comma ("12,5") and dates in its own form, which only the
    /// reader of the report can interpret.
    /// </summary>
    public static class AnalyticsReportReader
    {
        /// <summary>What the live report writes in a cell that has no data ("sin datos").</summary>
        public const string NoData = "S/D";

        /// <summary>True when the file starts as a ZIP archive does (PK\x03\x04, or PK\x05\x06 for an empty one).</summary>
        public static bool IsZip(string file)
        {
            var head = new byte[4];
            using (var stream = File.OpenRead(file))
            {
                var read = 0;
                while (read < head.Length)
                {
                    var n = stream.Read(head, read, head.Length - read);
                    if (n == 0)
                        return false;
                    read += n;
                }
            }
            return head[0] == 0x50 && head[1] == 0x4B && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        }

        /// <summary>
        /// Writes the CSV held by the ZIP <paramref name="zipFile"/> to <paramref name="target"/> (a new file) and returns
        /// the entry's file name (&lt;export id&gt;.csv on the live API).
        /// </summary>
        public static string ExtractCsv(string zipFile, string target)
        {
            using (var archive = OpenZip(zipFile))
            {
                var entry = CsvEntry(archive, zipFile);
                using (var source = entry.Open())
                using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
                    source.CopyTo(file, 81920);
                var name = Path.GetFileName(entry.FullName.Replace('\\', '/').Split('/').Last());
                return name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ? "report.csv" : name;
            }
        }

        /// <summary>
        /// The rows of <paramref name="file"/> (a CSV, or a ZIP holding one), read as the caller asks for them. An empty
        /// or repeated header gets a name of its own ("Column 3", "Name (2)"); a row shorter than the header has null for
        /// the missing cells, cells past the header are dropped, blank lines are skipped (as Import-Csv does). With
        /// <paramref name="noDataAsNull"/>, a cell reading exactly <see cref="NoData"/> is null.
        /// </summary>
        public static IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> Read(string file, bool noDataAsNull)
        {
            if (!IsZip(file))
            {
                using (var reader = new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
                {
                    foreach (var row in Rows(reader, noDataAsNull))
                        yield return row;
                }
                yield break;
            }
            using (var archive = OpenZip(file))
            using (var reader = new StreamReader(CsvEntry(archive, file).Open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
            {
                foreach (var row in Rows(reader, noDataAsNull))
                    yield return row;
            }
        }

        // ZipArchive alone (System.IO.Compression), not ZipFile: one framework assembly fewer to bind on Windows PowerShell.
        private static ZipArchive OpenZip(string file)
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            try
            {
                return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            }
            catch (InvalidDataException ex)
            {
                stream.Dispose();
                throw new WcxInputException("'" + file + "' starts like a ZIP but cannot be read as one: " + ex.Message, "Path");
            }
        }

        /// <summary>The entry ending in .csv, or the only entry; a ZIP with neither is not a report.</summary>
        private static ZipArchiveEntry CsvEntry(ZipArchive archive, string zipFile)
        {
            var files = archive.Entries.Where(e => e.Name.Length > 0).ToList();
            return files.FirstOrDefault(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                ?? (files.Count == 1 ? files[0] : null)
                ?? throw new WcxInputException("'" + zipFile + "' is a ZIP without a CSV file in it (" +
                                               (files.Count == 0 ? "it is empty" : string.Join(", ", files.Select(f => f.FullName))) + ").", "Path");
        }

        internal static IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> Rows(TextReader reader, bool noDataAsNull)
        {
            string[]? names = null;
            foreach (var record in Records(reader))
            {
                if (names is null)
                {
                    names = Names(record);
                    continue;
                }
                if (record.Count == 1 && record[0].Length == 0)
                    continue;
                var row = new KeyValuePair<string, string?>[names.Length];
                for (var i = 0; i < names.Length; i++)
                {
                    var cell = i < record.Count ? record[i] : null;
                    row[i] = new KeyValuePair<string, string?>(names[i], noDataAsNull && cell == NoData ? null : cell);
                }
                yield return row;
            }
        }

        private static string[] Names(IReadOnlyList<string> header)
        {
            var names = new string[header.Count];
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Trim();
                if (name.Length == 0)
                    name = "Column " + (i + 1);
                var unique = name;
                for (var n = 2; !used.Add(unique); n++)
                    unique = name + " (" + n + ")";
                names[i] = unique;
            }
            return names;
        }

        /// <summary>
        /// The records of comma-separated text: cells may be quoted ("a, b", "say ""hi""", line breaks inside), records
        /// end with CRLF, LF or CR. A quote left open runs to the end of the text rather than failing the whole report.
        /// </summary>
        internal static IEnumerable<List<string>> Records(TextReader reader)
        {
            var record = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            var any = false;
            int c;
            while ((c = reader.Read()) >= 0)
            {
                any = true;
                var ch = (char)c;
                if (quoted)
                {
                    if (ch != '"')
                        cell.Append(ch);
                    else if (reader.Peek() == '"')
                        cell.Append((char)reader.Read());
                    else
                        quoted = false;
                    continue;
                }
                switch (ch)
                {
                    case '"':
                        quoted = true;
                        break;
                    case ',':
                        record.Add(cell.ToString());
                        cell.Clear();
                        break;
                    case '\r':
                    case '\n':
                        if (ch == '\r' && reader.Peek() == '\n')
                            reader.Read();
                        record.Add(cell.ToString());
                        cell.Clear();
                        yield return record;
                        record = new List<string>();
                        any = false;
                        break;
                    default:
                        cell.Append(ch);
                        break;
                }
            }
            if (any)
            {
                record.Add(cell.ToString());
                yield return record;
            }
        }
    }
}
