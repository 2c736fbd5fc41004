package dev.schemac.processor;

import com.google.auto.service.AutoService;
import dev.schemac.processor.model.ErrorId;
import dev.schemac.processor.model.Problem;
import dev.schemac.processor.model.Schema;
import dev.schemac.processor.model.TargetFacts;
import dev.schemac.processor.model.Timeouts;
import dev.schemac.processor.model.UnsafeText;
import dev.schemac.processor.read.ElementOrigin;
import dev.schemac.processor.read.EntityNaming;
import dev.schemac.processor.read.ReadResult;
import dev.schemac.processor.migrate.VersionedMigrations;
import dev.schemac.processor.read.RecordReader;
import dev.schemac.processor.read.SchemaReader;
import dev.schemac.processor.read.SchemaVersion;
import dev.schemac.processor.rules.Baseline;
import dev.schemac.processor.rules.RuleEngine;
import dev.schemac.processor.rules.RuleSettings;
import dev.schemac.processor.targets.RuleCatalog;
import dev.schemac.processor.migrate.EngineCheckRun;
import dev.schemac.processor.targets.EngineCheck;
import dev.schemac.processor.targets.Target;
import dev.schemac.processor.targets.Targets;
import dev.schemac.processor.write.Metamodel;
import dev.schemac.processor.write.OutputFiles;
import dev.schemac.processor.write.SchemaMarkdown;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The entry point: collects the {@code @Table} records and JPA {@code @Entity} types of every
 * round, and when the rounds are over reads them into the model, and, only if no error was
 * reported, renders and writes the SQL. Nothing it does ever throws into javac.
 */
@AutoService(Processor.class)
public final class SchemaProcessor extends AbstractProcessor {
  /** Absolute folder the generated files are written to (the user commits them). */
  public static final String OPTION_DIR = "schemac.dir";

  /** {@code true}: write nothing, fail when the committed files differ from what the sources generate. */
  public static final String OPTION_VERIFY = "schemac.verify";

  /** {@code true}: print how long each phase took, as a compiler note. */
  public static final String OPTION_TIMINGS = "schemac.timings";

  /**
   * The class-path folder the class-output copies go to, {@code db} by default: a module that owns
   * a version history of its own gives it a folder of its own ({@code db/orders}), so that its
   * Flyway location ({@code classpath:db/orders/migration}) holds its migrations only.
   */
  public static final String OPTION_LOCATION = "schemac.location";

  /** {@code false}: generate no Java metamodel ({@code Tables}); the default is {@code true}. */
  public static final String OPTION_METAMODEL = "schemac.metamodel";

  /** The time limits of the migration files, {@code @Schema}'s own attributes of the same names override them. */
  public static final String OPTION_LOCK_TIMEOUT = "schemac.lockTimeout";
  public static final String OPTION_STATEMENT_TIMEOUT = "schemac.statementTimeout";
  public static final String OPTION_NON_TRANSACTIONAL_STATEMENT_TIMEOUT = "schemac.nonTransactionalStatementTimeout";

  static final String TABLE = "dev.schemac.annotations.Table";
  static final String SCHEMA = "dev.schemac.annotations.Schema";
  /** JPA entities, read by name: the processor needs neither API on its own path. */
  static final List<String> ENTITIES = List.of("jakarta.persistence.Entity", "javax.persistence.Entity");
  /** JPA converters: an auto-applied one gives the column type of the attributes it converts. */
  static final List<String> CONVERTERS = List.of("jakarta.persistence.Converter", "javax.persistence.Converter");

  private final Set<String> tableTypes = new TreeSet<>();
  private final Set<String> schemaTypes = new TreeSet<>();
  private final Set<String> converterTypes = new TreeSet<>();
  private final Set<String> schemaPackages = new TreeSet<>();
  /** Packages whose {@code Tables} this processor has written, in any round. */
  private final Set<String> metamodelPackages = new TreeSet<>();
  private boolean metamodelOptionReported;
  /** The build's targets, chosen once from {@code -Aschemac.targets}: {@link #targets()}. */
  private Targets.Selection targets;
  /** The class output when it is a test compilation's, looked up once; empty when it is not. */
  private Optional<Path> testClassOutput;
  private boolean testCompilationReported;
  /** A metamodel class could not be written (reported): no SQL is written either. */
  private boolean metamodelFailed;
  /** The latest snapshot under {@code schemac.dir}, looked up once: {@link #latestSnapshot()}. */
  private Optional<IncrementalBuild.Latest> latestSnapshot;
  private final PhaseTimer timer = new PhaseTimer();
  /** End of this processor's last round, and javac's time between its rounds (for the timings note). */
  private long roundEnd;
  private long javacBetweenRounds;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TABLE, SCHEMA, ENTITIES.get(0), ENTITIES.get(1), CONVERTERS.get(0), CONVERTERS.get(1));
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_DIR, OPTION_VERIFY, OPTION_TIMINGS, OPTION_METAMODEL, OPTION_LOCATION, Targets.OPTION,
        RuleSettings.OPTION_RULES, RuleSettings.OPTION_MAX_INDEXES, RuleSettings.OPTION_MAX_CASCADE_TABLES, EntityNaming.OPTION,
        EngineCheck.OPTION, OPTION_LOCK_TIMEOUT, OPTION_STATEMENT_TIMEOUT, OPTION_NON_TRANSACTIONAL_STATEMENT_TIMEOUT,
        Baseline.OPTION, Baseline.OPTION_UPDATE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = System.nanoTime();
    if (roundEnd != 0) {
      javacBetweenRounds += start - roundEnd;
    }
    timer.restart(start);
    try {
      List<TypeElement> records = new ArrayList<>();
      // One walk over the round's elements for all the annotations: javac walks every element of
      // every root once per annotation type asked about.
      Set<TypeElement> wanted = new HashSet<>();
      for (String name : getSupportedAnnotationTypes()) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
        if (annotation != null) {
          wanted.add(annotation);
        }
      }
      for (Element element : wanted.isEmpty() ? Set.<Element>of() : round.getElementsAnnotatedWithAny(wanted.toArray(new TypeElement[0]))) {
        Set<String> on = new HashSet<>();
        element.getAnnotationMirrors().forEach(m ->
            on.add(((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString()));
        if (element instanceof TypeElement type) {
          String name = type.getQualifiedName().toString();
          if (on.contains(TABLE)) {
            tableTypes.add(name);
            records.add(type);
          }
          if (ENTITIES.stream().anyMatch(on::contains)) {
            tableTypes.add(name); // JPA has its own metamodel: none generated
          }
          if (CONVERTERS.stream().anyMatch(on::contains)) {
            converterTypes.add(name);
          }
          if (on.contains(SCHEMA)) {
            schemaTypes.add(name);
          }
        } else if (element instanceof PackageElement pkg && on.contains(SCHEMA)) {
          schemaPackages.add(pkg.getQualifiedName().toString());
        }
      }
      timer.lap("scan");
      if (testCompilation()) {
        return false;
      }
      if (!records.isEmpty() && Boolean.TRUE.equals(metamodelOption())) {
        writeMetamodel(records);
        timer.lap("metamodel");
      }
      if (round.processingOver() && !tableTypes.isEmpty()) {
        generate();
      }
    } catch (Throwable t) {
      internalError(t);
    } finally {
      roundEnd = System.nanoTime();
    }
    return false;
  }

  /**
   * Whether this is a test compilation ({@link TestCompilation}): then schemac writes nothing, no
   * SQL and no metamodel, and says so once when the compilation declares tables.
   */
  private boolean testCompilation() {
    if (testClassOutput == null) {
      Path classOutput = TestCompilation.classOutput(processingEnv.getFiler());
      testClassOutput = TestCompilation.isTestOutput(classOutput) ? Optional.of(classOutput) : Optional.empty();
    }
    if (testClassOutput.isEmpty()) {
      return false;
    }
    if (!tableTypes.isEmpty() && !testCompilationReported) {
      testCompilationReported = true;
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
          ErrorId.TEST_COMPILATION.tag() + testClassOutput.get()
          + " is a test compilation's class output, so schemac wrote nothing for " + String.join(", ", tableTypes)
          + ": tables declared in test sources are not part of the schema, and the files committed under -A"
          + OPTION_DIR + " stay as the main compilation wrote them. Configure the processor on the main"
          + " compilation only (README, Maven quick start).");
    }
    return true;
  }

  /** {@code -Aschemac.metamodel}: true (the default) or false; null, reported once, for any other value. */
  private Boolean metamodelOption() {
    String value = processingEnv.getOptions().get(OPTION_METAMODEL);
    if (value == null || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    if (!metamodelOptionReported) {
      metamodelOptionReported = true;
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          ErrorId.INVALID_OPTION.tag() + "-A" + OPTION_METAMODEL + "=" + value
          + " is neither true nor false: true (the default) generates the Tables metamodel classes, false none.");
    }
    return null;
  }

  /**
   * The metamodel of this round's records: one {@code Tables} class per package, written in the
   * round the records appear in and before any check, so that it exists even when the schema has
   * errors. A package's records compiled earlier (an incremental build) are read back from their
   * class files, so that the class still names every table of the package.
   */
  private void writeMetamodel(List<TypeElement> roundRecords) {
    Elements elements = processingEnv.getElementUtils();
    Map<String, List<TypeElement>> byPackage = new TreeMap<>();
    for (TypeElement type : roundRecords) {
      if (hasMetamodel(type)) {
        byPackage.computeIfAbsent(elements.getPackageOf(type).getQualifiedName().toString(), p -> new ArrayList<>())
            .add(type);
      }
    }
    if (byPackage.isEmpty()) {
      return;
    }
    for (TypeElement type : IncrementalBuild.find(elements, latestSnapshot(), tableTypes).classFileTypes()) {
      List<TypeElement> same = byPackage.get(elements.getPackageOf(type).getQualifiedName().toString());
      if (same != null && hasMetamodel(type)) {
        same.add(type);
      }
    }
    RecordReader reader = new RecordReader(elements, processingEnv.getTypeUtils());
    Metamodel metamodel = new Metamodel(targets().primary()::quote);
    for (Map.Entry<String, List<TypeElement>> pkg : byPackage.entrySet()) {
      String holder = Metamodel.holderName(pkg.getKey());
      if (!metamodelPackages.add(pkg.getKey())) {
        for (TypeElement type : pkg.getValue()) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
              ErrorId.METAMODEL.tag() + "no metamodel class for "
              + type.getSimpleName() + ": " + holder + " was generated in an earlier round, before this record"
              + " existed (another annotation processor generates it). Move the record to a package of its own,"
              + " or compile it apart.", type);
        }
        continue;
      }
      List<Metamodel.Entry> entries = new ArrayList<>();
      for (TypeElement type : pkg.getValue()) {
        RecordReader.Names names = reader.names(type);
        entries.add(new Metamodel.Entry(type, names.table(), names.columns()));
      }
      try {
        metamodel.write(pkg.getKey(), entries, processingEnv.getFiler());
      } catch (java.io.IOException e) {
        metamodelFailed = true;
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            ErrorId.METAMODEL.tag() + "cannot write the metamodel class "
            + holder + ": " + e.getMessage() + ". If the package already has a type named " + Metamodel.HOLDER
            + ", rename it, or turn the metamodel off with -A" + OPTION_METAMODEL + "=false.", pkg.getValue().get(0));
      }
    }
  }

  /** A {@code @Table} record, not a JPA entity (JPA has its own metamodel; entities are reported by the reader). */
  private static boolean hasMetamodel(TypeElement type) {
    return type.getKind() == ElementKind.RECORD && type.getAnnotationMirrors().stream().noneMatch(m ->
        ENTITIES.contains(((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString()));
  }

  private void generate() throws Exception {
    if (metamodelOption() == null || metamodelFailed) {
      return; // reported
    }
    Path dir = outputDir();
    String dirOption = processingEnv.getOptions().get(OPTION_DIR);
    if (dir == null && dirOption != null && !dirOption.isBlank()) {
      return; // the option was wrong: reported, nothing written
    }
    Targets.Selection selection = targets();
    selection.problems().forEach(this::report);
    if (selection.hasErrors()) {
      return;
    }
    List<TypeElement> types = new ArrayList<>();
    for (String name : tableTypes) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.add(type);
      }
    }
    // An incremental build compiles only some records: the others of the last snapshot are read
    // back from their class files, so that "not in this compilation" is never taken for "deleted".
    IncrementalBuild incremental = IncrementalBuild.find(processingEnv.getElementUtils(), latestSnapshot(), tableTypes);
    types.addAll(incremental.classFileTypes());
    EntityNaming naming = EntityNaming.parse(processingEnv.getOptions().get(EntityNaming.OPTION));
    if (naming == null) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          ErrorId.INVALID_OPTION.tag() + "-A" + EntityNaming.OPTION + "="
          + processingEnv.getOptions().get(EntityNaming.OPTION) + " is not a naming: use jpa (the default: names as"
          + " JPA gives them, folded to lowercase) or spring (Spring Boot's snake_case physical naming)");
      return;
    }
    ReadResult read = new SchemaReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), naming,
        selection.primary().id())
        .withConverters(converterTypes.stream().map(processingEnv.getElementUtils()::getTypeElement)
            .filter(java.util.Objects::nonNull).toList())
        .withClassFileNullability(incremental.classFileNullability())
        .read(types);
    timer.lap("read");
    read.problems().forEach(this::report);
    if (read.hasErrors() || read.incomplete()) {
      return; // rules need a complete model; structural errors (or javac's own) come first
    }
    Schema restored = incremental.restore(read.schema());
    // the capitals of JPA table names matter only to a target that keeps the case of table names:
    // without one the model (and so the snapshot) stays what it was before it kept them
    Schema schema = selection.targets().stream().anyMatch(TargetFacts::keepsTableNameCase) ? restored
        : restored.withoutSpellings();
    List<Problem> unsafe = UnsafeText.check(schema); // whatever built the model, for every engine
    unsafe.forEach(this::report);
    if (!unsafe.isEmpty()) {
      return;
    }
    // whatever the reader checked: what a target cannot express, or would refuse (two relations of one name)
    List<Problem> unsupported = new ArrayList<>();
    selection.targets().forEach(target -> unsupported.addAll(target.unsupported(schema)));
    Boolean engineCheck = engineCheckOption();
    if (engineCheck == null) {
      return; // reported
    }
    // what only the engine can decide is decided by the engine check when it runs
    unsupported.removeIf(p -> engineCheck && p.errorId().orElse(null) == ErrorId.UNCHECKED_SQL);
    unsupported.forEach(this::report);
    if (unsupported.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return;
    }
    RuleEngine rules = new RuleEngine(RuleCatalog.schemaRules(), RuleCatalog.migrationRules());
    RuleSettings settings = RuleSettings.parse(processingEnv.getOptions(), rules.ids());
    boolean verify = "true".equalsIgnoreCase(processingEnv.getOptions().get(OPTION_VERIFY));
    BaselineFile.Opened opened = BaselineFile.open(processingEnv.getOptions(), verify);
    opened.errors().forEach(this::report);
    if (!opened.errors().isEmpty()) {
      return;
    }
    BaselineFile baseline = opened.file();
    Set<String> unchecked = incremental.classFileTables(schema);
    List<Problem> findings = new ArrayList<>(rules.run(schema, settings, unchecked, List.copyOf(selection.targets()),
        baseline == null ? null : baseline.baseline()));
    if (baseline != null) {
      findings.addAll(baseline.stale(unchecked));
    }
    timer.lap("rules");
    findings.forEach(this::report);
    if (findings.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return;
    }
    SchemaVersion version = SchemaVersion.find(processingEnv.getElementUtils(), schemaTypes, schemaPackages, types);
    version.problems().forEach(this::report);
    if (version.hasErrors()) {
      return;
    }
    String location = processingEnv.getOptions().get(OPTION_LOCATION);
    if (location == null || location.isBlank()) {
      location = OutputFiles.CLASSPATH_FOLDER;
    } else if (!OutputFiles.validClasspathFolder(location.strip())) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          ErrorId.INVALID_OPTION.tag() + "-A" + OPTION_LOCATION + "="
          + location + " is not a class-path folder: give a relative path of plain names, such as db/orders (Flyway's"
          + " location is then classpath:db/orders/migration)");
      return;
    }
    OutputFiles files = new OutputFiles(location.strip());
    timer.lap("version");
    for (Target target : selection.targets()) {
      new TreeMap<>(target.schemaFiles(schema, header(schema, version.declaration())))
          .forEach((path, text) -> files.add(VersionedMigrations.prefix(target) + path, text));
    }
    files.add("schema.md", new SchemaMarkdown(selection.primary()).render(schema, version.declaration() == null
        ? "Unversioned." : "Schema version " + version.declaration().version() + "."));
    timer.lap("render");
    List<String> stale = List.of();
    if (version.declaration() != null) {
      if (dir == null) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            ErrorId.INVALID_OPTION.tag() + "@Schema(version = ...) needs -A" + OPTION_DIR + ": the previous version's snapshot is read"
                + " from there, and the migrations are written there.", version.declaration().element());
        return;
      }
      SchemaVersion.Declaration d = version.declaration();
      List<String> other = OtherModuleHistory.find(processingEnv.getFiler(), files.classpathFolder(),
          schema.sourceTypes());
      if (other != null) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            ErrorId.OTHER_MODULE_HISTORY.tag() + "another module's version history"
            + " is already on the class path at " + files.classpathFolder() + "/ (" + other.get(0) + ", the tables of "
            + other.get(1) + " and others): this module's would go to the same Flyway location, classpath:"
            + files.classpathFolder() + "/migration, and Flyway fails on their duplicate versions. Each module that"
            + " declares @Schema owns its own history: give this one a folder of its own, e.g. -A" + OPTION_LOCATION
            + "=" + files.classpathFolder() + "/<module> with -A" + OPTION_DIR + "=.../src/main/resources/"
            + files.classpathFolder() + "/<module> (docs/migrations.md, Multi-module projects). Or compile all the"
            + " tables in one module.", d.element());
        return;
      }
      Timeouts timeouts = timeouts(d);
      if (timeouts == null) {
        return; // reported
      }
      VersionedMigrations.Result migrations = VersionedMigrations.build(dir, d.version(), d.description(), d.drops(),
          d.singleTransaction(), schema, d.origin(), selection.targets(), rules, settings, timeouts);
      timer.lap("diff");
      migrations.problems().forEach(this::report);
      if (migrations.hasErrors()) {
        return;
      }
      migrations.files().forEach(files::add);
      stale = migrations.staleFiles();
    }
    if (engineCheck) {
      List<Problem> refused = EngineCheckRun.run(selection.sql(), schema, files.files(), dir, stale,
          version.declaration() == null ? 0 : version.declaration().version());
      timer.lap("engine check");
      refused.forEach(this::report);
      if (!refused.isEmpty()) {
        return;
      }
    }
    if (verify) {
      List<String> differing = files.differences(dir, stale);
      if (!differing.isEmpty()) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            ErrorId.STALE_FILES.tag() + "the committed schema files are not what the sources generate (-A" + OPTION_VERIFY + "=true): "
                + String.join(", ", differing) + ". Compile without -A" + OPTION_VERIFY
                + " and commit the files it writes.");
      }
      return;
    }
    files.writeAll(dir, processingEnv.getFiler());
    files.deleteStale(dir, stale);
    if (baseline != null) {
      Problem written = baseline.write(unchecked);
      if (written != null) {
        report(written);
      }
    }
    timer.lap("write");
    if ("true".equalsIgnoreCase(processingEnv.getOptions().get(OPTION_TIMINGS))) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
          ErrorId.TIMINGS.tag() + "timings for " + schema.tables().size() + " tables: " + timer + "; javac between rounds "
              + PhaseTimer.millis(javacBetweenRounds) + " ms");
    }
    if (version.declaration() == null) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
          ErrorId.UNVERSIONED.tag() + "unversioned schema: wrote schema.sql and schema.md only. To start versioned migrations, put"
              + " @Schema(version = 1) on a package-info.java (or one type) of this compilation.");
    }
  }

  /**
   * The time limits of this version's migration files: {@code @Schema}'s attribute, else the
   * processor option, else {@link Timeouts#DEFAULT}; null after an error on a value that is not a
   * duration.
   */
  private Timeouts timeouts(SchemaVersion.Declaration d) {
    java.time.Duration[] values = {Timeouts.DEFAULT.lock(), Timeouts.DEFAULT.statement(),
        Timeouts.DEFAULT.nonTransactionalStatement()};
    String[] attributes = {"lockTimeout", "statementTimeout", "nonTransactionalStatementTimeout"};
    String[] options = {OPTION_LOCK_TIMEOUT, OPTION_STATEMENT_TIMEOUT, OPTION_NON_TRANSACTIONAL_STATEMENT_TIMEOUT};
    boolean ok = true;
    for (int i = 0; i < values.length; i++) {
      String written = d.timeouts().get(attributes[i]);
      String where = "@Schema(" + attributes[i] + " = \"" + written + "\")";
      if (written == null) {
        written = processingEnv.getOptions().get(options[i]);
        where = "-A" + options[i] + "=" + written;
      }
      if (written == null || written.isBlank()) {
        continue;
      }
      java.time.Duration parsed = Timeouts.parse(written);
      if (parsed == null) {
        ok = false;
        report(Problem.error(ErrorId.INVALID_OPTION, where + " is not a time limit: write " + Timeouts.FORMS,
            d.timeoutOrigins().getOrDefault(attributes[i], d.origin())));
      } else {
        values[i] = parsed;
      }
    }
    return ok ? new Timeouts(values[0], values[1], values[2]) : null;
  }

  /** {@code -Aschemac.engineCheck}: false (the default) or true; null, reported, for any other value. */
  private Boolean engineCheckOption() {
    String value = processingEnv.getOptions().get(EngineCheck.OPTION);
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
        ErrorId.INVALID_OPTION.tag() + "-A" + EngineCheck.OPTION + "=" + value
        + " is neither true nor false: true applies the generated SQL to a real engine during the compile"
        + " (docs/engine-check.md), false (the default) does not.");
    return null;
  }

  private static List<String> header(Schema schema, SchemaVersion.Declaration version) {
    List<String> lines = new ArrayList<>();
    lines.add("Generated by schemac from the records below. Do not edit: change them and compile again.");
    for (String source : schema.sourceTypes()) {
      lines.add("  " + source);
    }
    lines.add(version == null
        ? "Unversioned: put @Schema(version = 1) on a package-info.java to start versioned migrations."
        : "Schema version " + version.version() + ".");
    return lines;
  }

  /** The targets {@code -Aschemac.targets} chose, read once; its problems are reported by {@link #generate}. */
  private Targets.Selection targets() {
    if (targets == null) {
      targets = Targets.select(processingEnv.getOptions().get(Targets.OPTION));
    }
    return targets;
  }

  private IncrementalBuild.Latest latestSnapshot() {
    if (latestSnapshot == null) {
      latestSnapshot = Optional.ofNullable(IncrementalBuild.latest(optionDir()));
    }
    return latestSnapshot.orElse(null);
  }

  /** The option's folder when it is an absolute path, else null; reports nothing. */
  private Path optionDir() {
    try {
      String value = processingEnv.getOptions().get(OPTION_DIR);
      Path path = value == null || value.isBlank() ? null : Path.of(value);
      return path != null && path.isAbsolute() ? path : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The absolute output folder, or null when the option is absent (warned) or wrong (error). */
  private Path outputDir() {
    String value = processingEnv.getOptions().get(OPTION_DIR);
    if (value == null || value.isBlank()) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
          ErrorId.NO_DIR.tag() + "-A" + OPTION_DIR + " is not set, so schema.sql went to the class output only"
              + " (db/schema.sql). Set -A" + OPTION_DIR + "=${project.basedir}/src/main/resources/db"
              + " to write the files you commit.");
      return null;
    }
    try {
      Path path = Path.of(value);
      if (!path.isAbsolute()) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            ErrorId.INVALID_OPTION.tag() + "-A" + OPTION_DIR + "=" + value + " must be an absolute path: Maven runs javac from"
                + " wherever mvn was started, so a relative folder lands in a different place each time."
                + " Use -A" + OPTION_DIR + "=${project.basedir}/src/main/resources/db");
        return null;
      }
      return path;
    } catch (InvalidPathException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          ErrorId.INVALID_OPTION.tag() + "-A" + OPTION_DIR + "=" + value + " is not a valid path: " + e.getMessage());
      return null;
    }
  }

  private void report(Problem problem) {
    Diagnostic.Kind kind = switch (problem.severity()) {
      case ERROR -> Diagnostic.Kind.ERROR;
      case WARNING -> Diagnostic.Kind.WARNING;
      case NOTE -> Diagnostic.Kind.NOTE;
    };
    String message = problem.message().startsWith("[schemac") ? problem.message() : "[schemac] " + problem.message();
    if (problem.origin() instanceof ElementOrigin at) {
      if (at.annotation() != null && !at.element().getAnnotationMirrors().contains(at.annotation())
          && RepeatedAnnotations.report(processingEnv, kind, message, at)) {
        return;
      }
      processingEnv.getMessager().printMessage(kind, message, at.element(), at.annotation(), at.value());
    } else {
      processingEnv.getMessager().printMessage(kind, message);
    }
  }

  private void internalError(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
        ErrorId.INTERNAL_ERROR.tag() + "internal error while processing " + String.join(", ", tableTypes)
            + ". Nothing was written. Please report this with the trace:\n" + trace);
  }
}
