// Measuring aids for bench/, compiled by Invoke-Bench.ps1 (Add-Type -OutputAssembly) and loaded by the child
// processes. Not part of the module.
#nullable enable
using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WiseCx.Bench
{
    /// <summary>
    /// The pipeline's end in every streaming measurement, for the module and the baseline alike: counts the objects and
    /// notes when the first and the last arrived on the given clock. Compiled, so that the consumer costs well under a
    /// microsecond per object and does not blur the comparison (ForEach-Object costs several).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BenchStream")]
    [OutputType(typeof(PSObject))]
    public sealed class MeasureBenchStreamCommand : PSCmdlet
    {
        private long _count;
        private double _firstMs = -1;
        private double _lastMs = -1;

        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true)]
        public Stopwatch? Clock { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null)
                return;
            _lastMs = Clock!.Elapsed.TotalMilliseconds;
            if (_count++ == 0)
                _firstMs = _lastMs;
        }

        protected override void EndProcessing()
        {
            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("Count", _count));
            result.Properties.Add(new PSNoteProperty("FirstMs", _firstMs));
            result.Properties.Add(new PSNoteProperty("LastMs", _lastMs));
            WriteObject(result);
        }
    }

    /// <summary>
    /// Writes the given objects down the pipeline one by one, as a cmdlet writes what it read (each wrapped once in a
    /// PSObject, nothing added): with <see cref="MeasureBenchStreamCommand"/> after it, what passing an object down the
    /// pipeline costs, apart from reading the JSON and from the module's wrapping (the materialise split,
    /// <see cref="ObjectCostSplit"/>).
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "BenchObject")]
    [OutputType(typeof(PSObject))]
    public sealed class WriteBenchObjectCommand : PSCmdlet
    {
        [Parameter(Mandatory = true)]
        public object[]? InputObject { get; set; }

        protected override void EndProcessing()
        {
            foreach (var item in InputObject!)
                WriteObject(PSObject.AsPSObject(item));
        }
    }

    /// <summary>
    /// The materialise scenario's per-object split: microseconds per object of reading the JSON (the client's page reader
    /// alone), of passing objects down the pipeline (<see cref="WriteBenchObjectCommand"/>), and the rest of the module's
    /// whole read path (the cmdlet's wrapping, note properties for fields a model lacks, paging, the HTTP pipeline).
    /// </summary>
    public static class ObjectCostSplit
    {
        /// <summary>
        /// The split from three rates (objects a second): the module's whole path, its JSON reading alone and the pipeline
        /// alone. Returns microseconds per object: total, JSON, pipeline, the rest.
        /// </summary>
        public static double[] Split(double moduleRate, double jsonRate, double pipelineRate)
        {
            var total = 1e6 / moduleRate;
            var json = 1e6 / jsonRate;
            var pipeline = 1e6 / pipelineRate;
            return new[] { total, json, pipeline, total - json - pipeline };
        }
    }

    /// <summary>
    /// An HTTP handler that answers from memory: /authenticate with a token, and a list path with the page the
    /// <c>page</c> query parameter asks for (an empty page after the last). Lets the materialise scenario run the
    /// module's whole read path (HTTP pipeline, JSON, paging, pipeline objects) with no network.
    /// </summary>
    public sealed class CannedPagesHandler : HttpMessageHandler
    {
        private static readonly byte[] Token = Encoding.UTF8.GetBytes("{\"status\":\"ok\",\"message\":\"Authentication success.\",\"token\":\"bench\"}");
        private static readonly byte[] Empty = Encoding.UTF8.GetBytes("{\"data\":[],\"paging\":{\"next\":null,\"page\":1,\"limit\":100}}");
        private readonly byte[][] _pages;
        private readonly int _repeat;
        private long _requests;

        /// <param name="pages">The page bodies.</param>
        /// <param name="repeat">How many times the list goes through them (page n + k × pages.Length is page n again).</param>
        public CannedPagesHandler(byte[][] pages, int repeat)
        {
            _pages = pages ?? throw new ArgumentNullException(nameof(pages));
            _repeat = repeat;
        }

        /// <summary>Requests answered so far.</summary>
        public long Requests => Interlocked.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var uri = request.RequestUri!;
            byte[] body;
            if (uri.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal))
            {
                body = Token;
            }
            else
            {
                var page = PageOf(uri.Query);
                body = page >= 1 && page <= _pages.Length * _repeat ? _pages[(page - 1) % _pages.Length] : Empty;
            }
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            return Task.FromResult(response);
        }

        private static int PageOf(string query)
        {
            foreach (var part in query.TrimStart('?').Split('&'))
            {
                if (part.StartsWith("page=", StringComparison.Ordinal) && int.TryParse(part.Substring(5), out var page))
                    return page;
            }
            return 1;
        }
    }

    /// <summary>
    /// The stream scenario's reference client: fetches a list's pages with a fixed number of requests in flight over one
    /// HttpClient and reads each body to its end, nothing more (no JSON, no objects, no pipeline). What it reaches is what
    /// this machine and sandbox allow any client, so it tells the module's cost apart from the environment's.
    /// </summary>
    public static class RawPageReader
    {
        /// <summary>Reads pages 1..<paramref name="pages"/> of <paramref name="pathFormat"/> ({0} = page); returns seconds, bytes and requests.</summary>
        public static double[] Read(string apiRoot, string bearerToken, string pathFormat, int pages, int inFlight)
        {
            using (var http = new HttpClient())
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
                long next = 0;
                long bytes = 0;
                var clock = Stopwatch.StartNew();
                var workers = new Task[inFlight];
                for (var w = 0; w < inFlight; w++)
                {
                    workers[w] = Task.Run(async () =>
                    {
                        long page;
                        while ((page = Interlocked.Increment(ref next)) <= pages)
                        {
                            var body = await http.GetByteArrayAsync(apiRoot.TrimEnd('/') + "/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, page)).ConfigureAwait(false);
                            Interlocked.Add(ref bytes, body.Length);
                        }
                    });
                }
                Task.WaitAll(workers);
                return new[] { clock.Elapsed.TotalSeconds, bytes, pages };
            }
        }
    }
}
