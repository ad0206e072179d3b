package dev.sequelj.conformance;

import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.render.SqlRenderer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler modules must stay free of JDBC so that SQL can be produced where no driver exists.
 * Checked on the compiled classes, not the sources: a class that names {@code java.sql} or
 * {@code javax.sql} anywhere (import, fully qualified name, signature) carries that name in its
 * constant pool.
 */
class JdbcFreeCompilerTest {

    @Test
    void queryAstNamesNoJdbcClass() throws Exception {
        List<String> classes = classesIn(ModelDefinition.class);
        assertThat(classes).as("query-ast classes found").hasSizeGreaterThan(10);
        assertThat(classes).filteredOn(JdbcFreeCompilerTest::referencesJdbc).isEmpty();
    }

    @Test
    void sqlRenderNamesNoJdbcClass() throws Exception {
        List<String> classes = classesIn(SqlRenderer.class);
        assertThat(classes).as("sql-render classes found").hasSizeGreaterThan(10);
        assertThat(classes).filteredOn(JdbcFreeCompilerTest::referencesJdbc).isEmpty();
    }

    /** The check itself must be able to fail: the JDBC executor names java.sql and is caught. */
    @Test
    void theCheckCatchesAClassThatUsesJdbc() throws Exception {
        assertThat(classesIn(JdbcExecutor.class)).filteredOn(JdbcFreeCompilerTest::referencesJdbc)
                .contains(JdbcExecutor.class.getName().replace('.', '/') + ".class");
    }

    private static final byte[][] JDBC_PACKAGES = {
            "java/sql/".getBytes(StandardCharsets.US_ASCII), "javax/sql/".getBytes(StandardCharsets.US_ASCII)};

    /** The class files of the module (directory or jar) that holds {@code anchor}, as class-path resource names. */
    private static List<String> classesIn(Class<?> anchor) throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(location.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        }
        return names;
    }

    private static boolean referencesJdbc(String classFile) {
        byte[] bytes = read(classFile);
        for (byte[] pattern : JDBC_PACKAGES) {
            if (indexOf(bytes, pattern) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(String classFile) {
        try (InputStream in = JdbcFreeCompilerTest.class.getClassLoader().getResourceAsStream(classFile)) {
            if (in == null) {
                throw new IllegalStateException("class file not on the class path: " + classFile);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
