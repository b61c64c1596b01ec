import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConfigFile } from '../src/core/config-files.ts';

const check = (paths: string[], expected: boolean) => {
  for (const p of paths) assert.equal(isConfigFile(p), expected, p);
};

test('configuration formats are configuration anywhere in the pack', () => {
  check(
    [
      'repository/conf/deployment.toml',
      'conf/server.properties',
      'x/y/log4j2.xml',
      'repository/deployment/server/synapse-configs/default/api/Sample.XML',
      'lib/runtimes/cxf3/cxf.yaml',
      'docker/values.yml',
      'repository/resources/conf/templates/repository/conf/carbon.xml.j2',
      'conf/jaas.conf',
      'security/app.cfg',
      'settings.ini',
      'resources/tenant.json',
      'conf/catalina.policy',
      'transforms/a.xslt',
    ],
    true,
  );
});

test('scripts and other text count only under conf/, config/, etc/ or bin/ at any depth', () => {
  check(
    [
      'bin/server.sh',
      'bin/server.bat',
      'bin/setenv',
      'wso2/broker/bin/broker.sh',
      'repository/conf/security/jaas',
      'conf/README.txt',
      'repository/conf/email/email-admin-config.vm',
      'config/schema.xsd',
      'etc/startup.sql',
      'conf/.env',
    ],
    true,
  );
  check(['README.txt', 'install.sh', 'docs/setup.sql', 'LICENSE', 'dbscripts/mysql.sql'], false);
});

test('archives, classes, native code, keystores and images are never configuration', () => {
  check(
    [
      'lib/a.jar',
      'repository/components/plugins/x_1.0.0.jar',
      'webapps/x.war',
      'bin/tomcat-juli.jar',
      'conf/keystore.jks',
      'repository/resources/security/client-truststore.p12',
      'bin/native/libwrapper.so',
      'bin/wrapper.exe',
      'conf/Foo.class',
      'conf/logo.png',
      'conf/bundle.zip',
      'lib/server.mjs',
      'conf/app.js',
    ],
    false,
  );
});

test('a folder named like a configuration folder only counts as a whole path segment', () => {
  check(['myconf/run.sh', 'binaries/readme.txt', 'cabin/notes.txt'], false);
  check(['a/conf/run.sh'], true);
});
