/**
 * Loading test data into an Ed-Fi API: {@link io.github.edfisdk.load.Loader} (dependency order, bounded
 * concurrency, streaming, resume journal, errors file), {@link io.github.edfisdk.load.OfflineValidator} (checks
 * without sending), {@link io.github.edfisdk.load.Exporter} and {@link io.github.edfisdk.load.Deleter}.
 *
 * <p>Inputs ({@link io.github.edfisdk.load.Inputs}): JSON Lines ({@link io.github.edfisdk.load.JsonLinesFile}),
 * CSV with a mapping file ({@link io.github.edfisdk.load.csv.CsvFile}, {@link io.github.edfisdk.load.csv.CsvMapping})
 * and Ed-Fi XML interchanges ({@link io.github.edfisdk.load.xml.InterchangeFile}). Failed records are
 * {@link io.github.edfisdk.load.RecordFailure}s, written as JSON Lines by {@link io.github.edfisdk.load.ErrorLog}.
 */
package io.github.edfisdk.load;
