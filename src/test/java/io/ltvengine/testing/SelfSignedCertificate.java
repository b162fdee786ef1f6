package io.ltvengine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A certificate for localhost made by keytool for one test run: a key store and a trust store. */
public record SelfSignedCertificate(Path keyStore, Path trustStore, String password) {

  public static SelfSignedCertificate create(Path dir, String password) throws IOException, InterruptedException {
    Path keyStore = dir.resolve("server.p12");
    Path trustStore = dir.resolve("truststore.p12");
    Path certificate = dir.resolve("server.crt");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password);
    keytool("-exportcert", "-rfc", "-alias", "server", "-file", certificate.toString(),
        "-keystore", keyStore.toString(), "-storepass", password);
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
    return new SelfSignedCertificate(keyStore, trustStore, password);
  }

  /** A TLS context serving this certificate. */
  public SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes()));
    }
  }
}
