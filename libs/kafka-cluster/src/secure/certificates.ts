// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** PEM text of a local certificate authority and of the one certificate all brokers share. */
export type ClusterCertificates = {
  /** The CA certificate: what clients trust (KAFKA_SSL_CA_FILE). */
  readonly caCertificate: string;
  /** The brokers' unencrypted PKCS#8 private key, then its certificate and the CA: Kafka's PEM keystore. */
  readonly brokerKeystore: string;
};

/** Where clients reach the brokers: every name and address must be in the certificate. */
export type BrokerHosts = { readonly dnsNames: readonly string[]; readonly ipAddresses: readonly string[] };

// ECDSA P-256: small keys, fast handshakes; Java's and Node's TLS both take it.
const keyAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const signingAlgorithm = { name: 'ECDSA', hash: 'SHA-256' } as const;
const validDays = 825; // the longest a TLS server certificate may live for most clients

const pem = (label: string, der: ArrayBuffer) => x509.PemConverter.encode(der, label);

/**
 * A new CA and a broker certificate signed by it, with a subject alternative name for every
 * host a client may use: clients check the name they connected to against the certificate
 * (hostname verification), so a missing SAN is a refused connection, not a warning.
 */
export async function makeClusterCertificates(hosts: BrokerHosts): Promise<ClusterCertificates> {
  const notBefore = new Date(Date.now() - 60_000); // a little slack for clocks that differ
  const notAfter = new Date(notBefore.getTime() + validDays * 86_400_000);
  const caKeys = await webcrypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=Orderflow local CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const brokerKeys = await webcrypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify']);
  const broker = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=orderflow-kafka',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: brokerKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
      // serverAuth for clients; clientAuth too, since a broker is the client of the others.
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...hosts.dnsNames.map((value) => ({ type: 'dns' as const, value })),
        ...hosts.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const brokerKey = pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', brokerKeys.privateKey));
  return {
    caCertificate: ca.toString('pem'),
    brokerKeystore: [brokerKey, broker.toString('pem'), ca.toString('pem')].join('\n'),
  };
}

/** A random positive serial number, as hex (certificates must not share one). */
function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}
